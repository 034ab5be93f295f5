package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.spec.Clipping;

import java.util.List;

/**
 * One run of the exploding-gradient demonstration: a vanilla RNN trained by plain SGD with a
 * large learning rate on windows of a given length, with or without gradient clipping.
 *
 * @param steps         the windows' length: the steps backpropagation goes back through
 * @param clipping      the clipping used
 * @param loss          training loss after each update (mean squared error, scaled units)
 * @param gradientNorm  ‖g‖ of the recurrent layer's gradient per update, before clipping
 * @param divergedAt    the update whose loss was NaN or infinite, or 0 when training finished
 * @param testRmse      RMSE on the test part in the series' units, NaN when it diverged
 * @param naiveRmse     the naive last-value forecast's RMSE on the same test windows
 * @param stateGradients mean ‖∂L/∂h_t‖ over a fixed probe of training windows, by distance from the
 *                      last step (element d is step T-1-d), at the parameters some updates started
 *                      from: update 1 and the update with the largest finite ‖g‖ (the blow-up); keyed
 *                      by update, empty when not measured
 */
public record ExplodingRun(int steps, Clipping clipping, List<Double> loss, List<Double> gradientNorm, int divergedAt,
                           double testRmse, double naiveRmse, java.util.SortedMap<Integer, double[]> stateGradients) {
    /** @return true when the loss became NaN or infinite */
    public boolean diverged() {
        return divergedAt > 0;
    }

    /** @return e.g. {@code 50-step windows, no clipping} */
    public String label() {
        return steps + "-step windows, " + (clipping.enabled() ? "clipping " + clipping.describe() : "no clipping");
    }

    /** @return the update whose gradient norm was the largest finite one (1-based), or 0 when none was */
    public int largestGradientUpdate() {
        return largestFinite(gradientNorm);
    }

    /**
     * @param gradientNorm gradient norms, one per update
     * @return the 1-based update of the largest finite norm, or 0 when none is finite
     */
    static int largestFinite(List<Double> gradientNorm) {
        int at = 0;
        for (int i = 0; i < gradientNorm.size(); i++) {
            double g = gradientNorm.get(i);
            if (Double.isFinite(g) && (at == 0 || g > gradientNorm.get(at - 1))) {
                at = i + 1;
            }
        }
        return at;
    }

    /** @return the largest gradient norm seen before clipping */
    public double maxGradientNorm() {
        return gradientNorm.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /**
     * @param update a key of {@link #stateGradients()}
     * @return the mean factor ‖∂L/∂h_t‖ changes by per step back across the whole window: above 1 it
     *         grows on its way back (explodes), below 1 it shrinks
     */
    public double stateGradientFactor(int update) {
        double[] d = stateGradients.get(update);
        return Math.pow(d[d.length - 1] / d[0], 1.0 / (d.length - 1));
    }
}
