package io.github.rnnkit.core.attention;

/** The parts every kind of attention shares: the masked softmax over steps and the weighted sum. */
final class AttentionMath {
    private AttentionMath() {
    }

    /**
     * @param scores e [batch][steps]; masked entries are set to negative infinity in place
     * @param mask   [batch][steps], 1 for a step to attend to and 0 for padding, or null for none;
     *               each row must keep at least one step
     * @return α [batch][steps]
     */
    static double[][] softmax(double[][] scores, double[][] mask) {
        double[][] a = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            double[] e = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < e.length; j++) {
                if (mask != null && mask[i][j] == 0) {
                    e[j] = Double.NEGATIVE_INFINITY;
                } else {
                    max = Math.max(max, e[j]);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("example " + i + " has no encoder step to attend to: its mask is all 0");
            }
            // shifted by the largest score so that exp cannot overflow
            a[i] = new double[e.length];
            double sum = 0;
            for (int j = 0; j < e.length; j++) {
                a[i][j] = e[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(e[j] - max);
                sum += a[i][j];
            }
            for (int j = 0; j < e.length; j++) {
                a[i][j] /= sum;
            }
        }
        return a;
    }

    /**
     * @param scores e [batch][steps], masked entries set to negative infinity in place
     * @param mask   [batch][steps] or null
     * @param keys   h [batch][steps][E]
     * @return the softmax weights of the scores and the context they weight
     */
    static AttentionOutput weigh(double[][] scores, double[][] mask, double[][][] keys) {
        double[][] alpha = softmax(scores, mask);
        return new AttentionOutput(alpha, context(alpha, keys), scores);
    }

    /** @return c [batch][E] = Σ_j α_j h_j */
    static double[][] context(double[][] alpha, double[][][] keys) {
        double[][] c = new double[alpha.length][keys[0][0].length];
        for (int i = 0; i < alpha.length; i++) {
            double[] ci = c[i];
            for (int j = 0; j < alpha[i].length; j++) {
                double w = alpha[i][j];
                if (w != 0) {
                    double[] kij = keys[i][j];
                    for (int k = 0; k < ci.length; k++) {
                        ci[k] += w * kij[k];
                    }
                }
            }
        }
        return c;
    }

    /**
     * Back through c = Σ α_j h_j and α = softmax(e): adds α_j ∂L/∂c to ∂L/∂h_j and returns ∂L/∂e.
     *
     * @param alpha     α [batch][steps]
     * @param keys      h [batch][steps][E]
     * @param dContext  ∂L/∂c [batch][E]
     * @param dWeights  ∂L/∂α [batch][steps] from elsewhere (e.g. a penalty on the weights), or null
     * @param dKeys     ∂L/∂h, added to
     * @return ∂L/∂e [batch][steps], 0 where masked
     */
    static double[][] backward(double[][] alpha, double[][][] keys, double[][] dContext, double[][] dWeights,
                               double[][][] dKeys) {
        double[][] de = new double[alpha.length][];
        for (int i = 0; i < alpha.length; i++) {
            int steps = alpha[i].length;
            double[] da = new double[steps];
            double weighted = 0;
            double[] dc = dContext[i];
            for (int j = 0; j < steps; j++) {
                double s = dWeights == null ? 0 : dWeights[i][j];
                double[] kij = keys[i][j];
                double[] dk = dKeys[i][j];
                double a = alpha[i][j];
                for (int k = 0; k < dc.length; k++) {
                    s += dc[k] * kij[k];
                }
                for (int k = 0; k < dc.length; k++) {
                    dk[k] += a * dc[k];
                }
                da[j] = s;
                weighted += a * s;
            }
            de[i] = new double[steps];
            for (int j = 0; j < steps; j++) {
                de[i][j] = alpha[i][j] * (da[j] - weighted);
            }
        }
        return de;
    }
}
