package io.github.rnnkit.data.scale;

/**
 * A fitted, invertible transform of one numeric feature, fitted on the training part only.
 *
 * <p>Pointwise scalers ({@link MinMaxScaler}, {@link ZScoreScaler}, {@link IdentityScaler}) map
 * each value on its own. {@link LogReturnScaler} differences the series, so it consumes the
 * first step ({@link #lag()} is 1) and inverting a value needs the actual value one step before.
 * {@link #inverseStep} and {@link #inversePath} take that previous value for every scaler, so
 * callers need not know which kind they hold.
 */
public sealed interface Scaler permits IdentityScaler, MinMaxScaler, ZScoreScaler, LogReturnScaler {

    /** @return which kind of scaler this is */
    ScalerKind kind();

    /**
     * @return the scaler and its fitted values in words, e.g. {@code z-score (mean 78.23, sd 12.41)}
     */
    default String describe() {
        if (this instanceof MinMaxScaler m) {
            return String.format(java.util.Locale.ROOT, "min-max (min %.6g, max %.6g)", m.min(), m.max());
        }
        if (this instanceof ZScoreScaler z) {
            return String.format(java.util.Locale.ROOT, "z-score (mean %.6g, sd %.6g)", z.mean(), z.std());
        }
        if (this instanceof LogReturnScaler l) {
            return String.format(java.util.Locale.ROOT, "log-returns (mean return %.4g, sd %.4g)", l.mean(), l.std());
        }
        return "none (values as they are)";
    }

    /** @return steps consumed at the start of a series by {@link #transform}: 0, or 1 for log-returns */
    default int lag() {
        return 0;
    }

    /**
     * @param values a series in original units
     * @return the scaled series, of length {@code values.length - lag()}; element {@code i} belongs
     *         to step {@code i + lag()} of the input
     */
    double[] transform(double[] values);

    /**
     * @param scaled   the scaled value at step t
     * @param previous the value at step t-1 in original units (ignored by pointwise scalers)
     * @return the value at step t in original units
     */
    double inverseStep(double scaled, double previous);

    /**
     * Inverts a forecast path: scaled values for steps t+1 .. t+H after the last known value.
     *
     * @param scaled scaled values for the H steps
     * @param last   the actual value at step t, in original units
     * @return the H values in original units
     */
    default double[] inversePath(double[] scaled, double last) {
        double[] out = new double[scaled.length];
        double previous = last;
        for (int i = 0; i < scaled.length; i++) {
            out[i] = inverseStep(scaled[i], previous);
            previous = out[i];
        }
        return out;
    }
}
