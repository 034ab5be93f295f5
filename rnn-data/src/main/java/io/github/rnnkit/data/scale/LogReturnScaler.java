package io.github.rnnkit.data.scale;

/**
 * Log-returns, standardised: {@code y_t = (ln(x_t / x_{t-1}) - mean) / std}, where mean and std
 * are those of the training part's log-returns. The first step has no return, so
 * {@link #transform} gives one value fewer than it is given. Inverting needs the previous actual
 * value: {@code x_t = x_{t-1} * exp(y_t * std + mean)}. All values must be above zero.
 *
 * @param mean mean of the training log-returns
 * @param std  standard deviation of the training log-returns (1 when they are constant)
 */
public record LogReturnScaler(double mean, double std) implements Scaler {

    /**
     * Checks that the statistics are usable: a finite mean and a finite standard deviation above 0.
     *
     * @param mean mean of the training log-returns
     * @param std  standard deviation of the training log-returns
     */
    public LogReturnScaler {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || !(std > 0)) {
            throw new IllegalArgumentException("a log-return scaler needs a finite mean and a finite standard deviation "
                    + "above 0, got mean " + mean + ", std " + std);
        }
    }

    static LogReturnScaler fit(double[] train) {
        if (train.length < 2) {
            throw new IllegalArgumentException("log-returns need at least two training values, got " + train.length);
        }
        double[] r = logReturns(train);
        ZScoreScaler z = ZScoreScaler.fit(r);
        return new LogReturnScaler(z.mean(), z.std());
    }

    private static double[] logReturns(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) {
                throw new IllegalArgumentException("log-returns need values above zero; got " + values[i] + " at step " + i);
            }
        }
        double[] r = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            r[i - 1] = Math.log(values[i] / values[i - 1]);
        }
        return r;
    }

    @Override
    public ScalerKind kind() {
        return ScalerKind.LOG_RETURNS;
    }

    @Override
    public int lag() {
        return 1;
    }

    @Override
    public double[] transform(double[] values) {
        double[] r = logReturns(values);
        for (int i = 0; i < r.length; i++) {
            r[i] = (r[i] - mean) / std;
        }
        return r;
    }

    @Override
    public double inverseStep(double scaled, double previous) {
        return previous * Math.exp(scaled * std + mean);
    }
}
