package io.github.rnnkit.data.scale;

/**
 * Maps the training range {@code [min, max]} to {@code [0, 1]}: {@code y = (x - min) / (max - min)}.
 * Later values outside the training range map outside [0, 1]; they are not clipped. A constant
 * training series gets a range of 1 so that the transform stays invertible.
 *
 * @param min the training minimum
 * @param max the training maximum
 */
public record MinMaxScaler(double min, double max) implements Scaler {

    /**
     * Checks that the range is usable: finite bounds, {@code min <= max}, and a width that does not
     * overflow.
     *
     * @param min the training minimum
     * @param max the training maximum
     */
    public MinMaxScaler {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max || !Double.isFinite(max - min)) {
            throw new IllegalArgumentException("a min-max scaler needs finite bounds with min <= max and a finite "
                    + "range, got min " + min + ", max " + max + " (values this far apart cannot be scaled to [0, 1] "
                    + "in double precision; choose z-score)");
        }
    }

    static MinMaxScaler fit(double[] train) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : train) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new MinMaxScaler(lo, hi);
    }

    private double range() {
        return max > min ? max - min : 1.0;
    }

    @Override
    public ScalerKind kind() {
        return ScalerKind.MIN_MAX;
    }

    @Override
    public double[] transform(double[] values) {
        double[] out = new double[values.length];
        double range = range();
        for (int i = 0; i < out.length; i++) {
            out[i] = (values[i] - min) / range;
        }
        return out;
    }

    @Override
    public double inverseStep(double scaled, double previous) {
        return scaled * range() + min;
    }
}
