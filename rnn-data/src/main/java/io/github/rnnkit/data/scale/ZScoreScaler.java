package io.github.rnnkit.data.scale;

/**
 * Standardises with the training mean and population standard deviation:
 * {@code y = (x - mean) / std}. A constant training series gets a std of 1.
 *
 * @param mean the training mean
 * @param std  the training standard deviation
 */
public record ZScoreScaler(double mean, double std) implements Scaler {

    /**
     * Checks that the statistics are usable: a finite mean and a finite standard deviation above 0
     * (for example after a bundle's data.json was read).
     *
     * @param mean the training mean
     * @param std  the training standard deviation
     */
    public ZScoreScaler {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || !(std > 0)) {
            throw new IllegalArgumentException("a z-score scaler needs a finite mean and a finite standard deviation "
                    + "above 0, got mean " + mean + ", std " + std);
        }
    }

    /**
     * Fits on values divided by their largest magnitude first, so that squaring cannot overflow:
     * values up to {@link Double#MAX_VALUE} give finite statistics.
     */
    static ZScoreScaler fit(double[] train) {
        double scale = 0;
        for (double v : train) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("cannot fit a z-score scaler on a non-finite value");
        }
        if (scale == 0) {
            return new ZScoreScaler(0, 1.0);
        }
        double mean = 0;
        for (double v : train) {
            mean += v / scale;
        }
        mean /= train.length;
        double var = 0;
        for (double v : train) {
            double d = v / scale - mean;
            var += d * d;
        }
        double std = Math.sqrt(var / train.length) * scale;
        return new ZScoreScaler(mean * scale, std > 0 && Double.isFinite(std) ? std : 1.0);
    }

    @Override
    public ScalerKind kind() {
        return ScalerKind.Z_SCORE;
    }

    @Override
    public double[] transform(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (values[i] - mean) / std;
        }
        return out;
    }

    @Override
    public double inverseStep(double scaled, double previous) {
        return scaled * std + mean;
    }
}
