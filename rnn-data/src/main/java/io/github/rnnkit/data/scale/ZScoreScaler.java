package io.github.rnnkit.data.scale;

/**
 * Standardises with the training mean and population standard deviation:
 * {@code y = (x - mean) / std}. A constant training series gets a std of 1.
 *
 * @param mean the training mean
 * @param std  the training standard deviation
 */
public record ZScoreScaler(double mean, double std) implements Scaler {

    static ZScoreScaler fit(double[] train) {
        double mean = 0;
        for (double v : train) {
            mean += v;
        }
        mean /= train.length;
        double var = 0;
        for (double v : train) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / train.length);
        return new ZScoreScaler(mean, std > 0 ? std : 1.0);
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
