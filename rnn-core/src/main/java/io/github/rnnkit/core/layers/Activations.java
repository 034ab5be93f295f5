package io.github.rnnkit.core.layers;

/**
 * tanh and the logistic sigmoid for the kernels, in two accuracies: to 1e-15 for float64 kernels
 * (gradient checks), and to float32 rounding for float32 kernels, where a rational function
 * without exponentials is enough (measured here at about 4 ns a value, the cost of one
 * {@link Math#exp}). {@link Math#tanh} is a slow library call in HotSpot; {@link Math#exp} is an
 * intrinsic. Public for the per-step kernels of {@code core.seq2seq} and {@code core.attention}.
 */
public final class Activations {
    /** Beyond this, tanh rounds to ±1 in float32. */
    private static final float FLOAT_TANH_CLAMP = 7.99881172180175781f;

    private Activations() {
    }

    /**
     * @param x any value
     * @return tanh(x) to an absolute error below 1e-15
     */
    public static double tanh(double x) {
        if (x > 20) {
            return 1.0;
        }
        if (x < -20) {
            return -1.0;
        }
        double e = Math.exp(2 * x);
        return (e - 1) / (e + 1);
    }

    /**
     * @param x any value
     * @return 1 / (1 + e^-x) to double precision
     */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * Replaces {@code z[0..k)} by its softmax, shifted by the maximum so that no exponential overflows.
     *
     * @param z values, overwritten
     * @param k how many of them
     */
    public static void softmaxInPlace(double[] z, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < k; c++) {
            z[c] /= sum;
        }
    }

    /**
     * @return tanh(x) to float32 accuracy (absolute error below 1e-6): the [13/6] rational
     *         approximation Eigen uses for float tanh, clamped where float tanh is ±1, in float
     *         arithmetic (the float32 kernels' loops, which C2 vectorises, call it)
     */
    static float tanhFloat(float x) {
        float c = Math.max(-FLOAT_TANH_CLAMP, Math.min(FLOAT_TANH_CLAMP, x));
        float x2 = c * c;
        float p = -2.76076847742355e-16f;
        p = p * x2 + 2.00018790482477e-13f;
        p = p * x2 - 8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        float q = 1.19825839466702e-06f;
        q = q * x2 + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return c * p / q;
    }

    /** @return the sigmoid to float32 accuracy, as {@code (1 + tanh(x / 2)) / 2}, in float arithmetic */
    static float sigmoidFloat(float x) {
        return 0.5f + 0.5f * tanhFloat(0.5f * x);
    }

    /** @return {@link #tanhFloat(float)} of {@code x} rounded to float */
    static double tanhFloat(double x) {
        return tanhFloat((float) x);
    }

    /** @return {@link #sigmoidFloat(float)} of {@code x} rounded to float */
    static double sigmoidFloat(double x) {
        return sigmoidFloat((float) x);
    }

    /**
     * @param x any value
     * @return tanh(x) to float32 accuracy (absolute error below 1e-6): {@link #tanhFloat(float)}'s
     *         rational function in double arithmetic, for float32 models whose kernels keep double
     *         arrays; loops of it vectorise, unlike loops of {@link Math#exp}
     */
    public static double tanhRational(double x) {
        double c = Math.max(-FLOAT_TANH_CLAMP, Math.min(FLOAT_TANH_CLAMP, x));
        double x2 = c * c;
        double p = -2.76076847742355e-16;
        p = p * x2 + 2.00018790482477e-13;
        p = p * x2 - 8.60467152213735e-11;
        p = p * x2 + 5.12229709037114e-08;
        p = p * x2 + 1.48572235717979e-05;
        p = p * x2 + 6.37261928875436e-04;
        p = p * x2 + 4.89352455891786e-03;
        double q = 1.19825839466702e-06;
        q = q * x2 + 1.18534705686654e-04;
        q = q * x2 + 2.26843463243900e-03;
        q = q * x2 + 4.89352518554385e-03;
        return c * p / q;
    }

    /**
     * @param x any value
     * @return the sigmoid to float32 accuracy, as {@code (1 + tanhRational(x / 2)) / 2}
     */
    public static double sigmoidRational(double x) {
        return 0.5 + 0.5 * tanhRational(0.5 * x);
    }
}
