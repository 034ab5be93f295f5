package io.github.rnnkit.core.diag;

/**
 * Gradient norms per time step, averaged over a minibatch: how much the loss is moved by what
 * happens t steps back. A vanilla RNN's fall geometrically with the distance from the loss
 * (vanishing gradients); gated cells keep them for longer.
 *
 * @param byStep the mean norm at each step, step 0 first
 */
public record StepGradientNorms(double[] byStep) {

    /** @return the norms by distance from the last step: element d is step {@code T-1-d} */
    public double[] byDistance() {
        double[] out = new double[byStep.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = byStep[byStep.length - 1 - d];
        }
        return out;
    }

    /**
     * @param from first distance of the fit (inclusive), at least 0
     * @param to   last distance (exclusive)
     * @return the least-squares slope of ln(norm) against distance over {@code [from, to)}: the
     *         log of the average factor the norm shrinks (negative) or grows by per step back
     */
    public double logSlope(int from, int to) {
        double[] d = byDistance();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = from; i < to && i < d.length; i++) {
            if (d[i] > 0) {
                double y = Math.log(d[i]);
                sx += i;
                sy += y;
                sxx += (double) i * i;
                sxy += i * y;
                n++;
            }
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
