package io.github.rnnkit.core.layers;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The output layer's arithmetic on plain row-major arrays, for the two pairs rnnkit builds, as
 * DL4J's loss functions define them (per row, then multiplied by the row's mask):
 * <pre>
 *   z = x W + b
 *   softmax, cross-entropy: p = softmax(z) clipped to [ε, 1 − ε] (ε = LossMCXENT's 1e-10),
 *                           loss = −Σ_k y_k log p_k,   ∂loss/∂z = p − y
 *   identity, MSE:          loss = Σ_k (z_k − y_k)² / K,   ∂loss/∂z = 2 (z − y) / K
 * </pre>
 * The caller passes only the rows a mask keeps (the last step of a many-to-one window), each
 * with its mask value. {@code TimeMajorOutputLayerTest} holds this to DL4J's layer within
 * 1e-12.
 */
enum RowLoss {
    SOFTMAX_CROSS_ENTROPY, IDENTITY_MSE;

    static RowLoss of(IActivation activation, ILossFunction loss) {
        if (activation instanceof ActivationSoftmax && loss instanceof LossMCXENT m && m.getWeights() == null
                && m.getSoftmaxClipEps() == 1e-10 && loss.getClass() == LossMCXENT.class) {
            return SOFTMAX_CROSS_ENTROPY;
        }
        if (activation instanceof ActivationIdentity && loss instanceof LossMSE m && m.getWeights() == null
                && loss.getClass() == LossMSE.class) {
            return IDENTITY_MSE;
        }
        return null;
    }

    private static final double EPS = 1e-10;

    /**
     * @param activation an output layer's activation
     * @return the row arithmetic of its outputs (softmax or identity), or null for another
     *         activation; only {@link #outputs} is meaningful without the matching loss
     */
    static RowLoss forOutputs(IActivation activation) {
        return activation instanceof ActivationSoftmax ? SOFTMAX_CROSS_ENTROPY
                : activation instanceof ActivationIdentity ? IDENTITY_MSE : null;
    }

    /** The layer's output for row {@code r} into {@code z}: {@code x W + b}, then the softmax or not. */
    private void activate(double[] x, int r, int h, double[] w, double[] b, int k, double[] z) {
        System.arraycopy(b, 0, z, 0, k);
        int xr = r * h;
        for (int j = 0; j < h; j++) {
            double xj = x[xr + j];
            int o = j * k;
            for (int c = 0; c < k; c++) {
                z[c] += xj * w[o + c];
            }
        }
        if (this == SOFTMAX_CROSS_ENTROPY) {
            Activations.softmaxInPlace(z, k);
        }
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }

    /** @return each row's output {@code [rows, k]}, row-major: {@code x W + b}, then the softmax or not */
    private double[] activations(double[] x, int rows, int h, double[] w, double[] b, int k) {
        double[] out = new double[rows * k];
        double[] z = new double[k];
        for (int r = 0; r < rows; r++) {
            activate(x, r, h, w, b, k, z);
            System.arraycopy(z, 0, out, r * k, k);
        }
        return out;
    }

    private static double mask(double[] mask, int r) {
        return mask == null ? 1 : mask[r];
    }

    /** @return the layer's outputs {@code [rows, k]}, row-major, each row times its mask */
    double[] outputs(double[] x, int rows, int h, double[] w, double[] b, int k, double[] mask) {
        double[] out = activations(x, rows, h, w, b, k);
        if (mask != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= mask[i / k];
            }
        }
        return out;
    }

    /** @return the summed loss over rows, each times its mask */
    double score(double[] x, int rows, int h, double[] w, double[] b, int k, double[] y, double[] mask) {
        double[] z = activations(x, rows, h, w, b, k);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double loss = 0;
            for (int c = r * k; c < (r + 1) * k; c++) {
                loss += this == SOFTMAX_CROSS_ENTROPY ? -y[c] * Math.log(clip(z[c])) : (z[c] - y[c]) * (z[c] - y[c]);
            }
            total += (this == SOFTMAX_CROSS_ENTROPY ? loss : loss / k) * mask(mask, r);
        }
        return total;
    }

    /** @return ∂loss/∂z {@code [rows, k]}, row-major, each row times its mask */
    double[] gradient(double[] x, int rows, int h, double[] w, double[] b, int k, double[] y, double[] mask) {
        double[] d = activations(x, rows, h, w, b, k);
        for (int r = 0; r < rows; r++) {
            double m = mask(mask, r);
            for (int c = r * k; c < (r + 1) * k; c++) {
                d[c] = (this == SOFTMAX_CROSS_ENTROPY ? clip(d[c]) - y[c] : 2 * (d[c] - y[c]) / k) * m;
            }
        }
        return d;
    }
}
