package io.github.rnnkit.core.attention;

import io.github.rnnkit.core.layers.Dense;

import java.util.Random;

/**
 * Multiplicative attention, Luong, Pham and Manning (2015)'s "general" score:
 * <pre>
 *   e_j = s · (W h_j)          (s the decoder state [D], h_j the encoder's states [E], W [D×E])
 *   α   = softmax(e) over the steps the mask keeps
 *   c   = Σ_j α_j h_j
 * </pre>
 * No bias, as in the paper (a bias on s · W h_j would shift every score alike). W is laid out as
 * PyTorch's {@code nn.Linear(E, D, bias=False).weight}. Luong's decoder attends after its recurrent
 * step, with the new state as s.
 */
public final class MultiplicativeAttention {
    /** W [D][E]. */
    public final double[][] w;

    /**
     * Zero parameters of the given sizes.
     *
     * @param querySize D, the decoder state's size
     * @param keySize   E, the encoder state's size
     */
    public MultiplicativeAttention(int querySize, int keySize) {
        if (querySize < 1 || keySize < 1) {
            throw new IllegalArgumentException("attention sizes must be at least 1; got query " + querySize + ", key " + keySize);
        }
        w = new double[querySize][keySize];
    }

    /**
     * Draws W uniformly from ±1/√E, as PyTorch's {@code nn.Linear} does.
     *
     * @param seed the generator's seed
     * @return this
     */
    public MultiplicativeAttention initialise(long seed) {
        Random r = new Random(seed);
        double bound = 1 / Math.sqrt(w[0].length);
        for (double[] row : w) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (2 * r.nextDouble() - 1) * bound;
            }
        }
        return this;
    }

    /**
     * @param keys h [batch][steps][E]
     * @return W h_j [batch][steps][D]: the part of every score that does not depend on the decoder step
     */
    public double[][][] projectKeys(double[][][] keys) {
        double[] wFlat = Dense.flat(w);
        int size = w.length;
        double[][][] out = new double[keys.length][][];
        for (int i = 0; i < keys.length; i++) {
            int steps = keys[i].length;
            double[] p = new double[steps * size];
            Dense.gemm(false, true, steps, size, w[0].length, Dense.flat(keys[i]), wFlat, 0, p);
            out[i] = new double[steps][];
            for (int j = 0; j < steps; j++) {
                out[i][j] = java.util.Arrays.copyOfRange(p, j * size, (j + 1) * size);
            }
        }
        return out;
    }

    /**
     * One decoder step's attention.
     *
     * @param query     s [batch][D]
     * @param keys      h [batch][steps][E]
     * @param projected {@link #projectKeys} of {@code keys}
     * @param mask      [batch][steps], 1 to attend and 0 for padding, or null
     * @return the weights, the context and the scores
     */
    public AttentionOutput forward(double[][] query, double[][][] keys, double[][][] projected, double[][] mask) {
        double[][] e = new double[query.length][];
        for (int i = 0; i < query.length; i++) {
            e[i] = new double[keys[i].length];
            for (int j = 0; j < keys[i].length; j++) {
                double s = 0;
                for (int d = 0; d < query[i].length; d++) {
                    s += query[i][d] * projected[i][j][d];
                }
                e[i][j] = s;
            }
        }
        return AttentionMath.weigh(e, mask, keys);
    }

    /**
     * The backward pass of {@link #forward}: adds the gradients of W, the query and the keys.
     *
     * @param query     s, as given to forward
     * @param keys      h, as given to forward
     * @param projected as given to forward
     * @param out       what forward returned
     * @param dContext  ∂L/∂c [batch][E]
     * @param dWeights  ∂L/∂α [batch][steps], or null
     * @param g         where the gradients are added
     */
    public void backward(double[][] query, double[][][] keys, double[][][] projected, AttentionOutput out, double[][] dContext,
                         double[][] dWeights, Gradients g) {
        double[][][] dProjected = new double[keys.length][][];
        for (int i = 0; i < keys.length; i++) {
            dProjected[i] = new double[keys[i].length][w.length];
        }
        backward(query, keys, projected, out, dContext, dWeights, g, dProjected);
        backwardProjection(keys, dProjected, g);
    }

    /**
     * {@link #backward} up to the projected keys: adds ∂L/∂(W h_j) to {@code dProjected} instead of
     * going on through W, so that a decoder summing it over all its steps goes through W once
     * ({@link #backwardProjection}) rather than once per step.
     *
     * @param query      s, as given to forward
     * @param keys       h, as given to forward
     * @param projected  as given to forward
     * @param out        what forward returned
     * @param dContext   ∂L/∂c [batch][E]
     * @param dWeights   ∂L/∂α [batch][steps], or null
     * @param g          where the gradients of the query and (through the weighted sum) the keys are added
     * @param dProjected ∂L/∂(W h_j) [batch][steps][D], added to
     */
    public void backward(double[][] query, double[][][] keys, double[][][] projected, AttentionOutput out, double[][] dContext,
                         double[][] dWeights, Gradients g, double[][][] dProjected) {
        double[][] de = AttentionMath.backward(out.weights(), keys, dContext, dWeights, g.keys);
        for (int i = 0; i < query.length; i++) {
            for (int j = 0; j < keys[i].length; j++) {
                double d = de[i][j];
                if (d == 0) {
                    continue;
                }
                double[] pj = projected[i][j];
                double[] dp = dProjected[i][j];
                for (int q = 0; q < w.length; q++) {
                    g.query[i][q] += d * pj[q];
                    dp[q] += d * query[i][q];
                }
            }
        }
    }

    /**
     * Back through the projection W h_j: adds the gradients of W and the keys.
     *
     * @param keys       h [batch][steps][E]
     * @param dProjected ∂L/∂(W h_j) [batch][steps][D]
     * @param g          where the gradients are added
     */
    public void backwardProjection(double[][][] keys, double[][][] dProjected, Gradients g) {
        int size = w.length;
        int e = w[0].length;
        double[] wFlat = Dense.flat(w);
        double[] gw = new double[size * e];
        for (int i = 0; i < keys.length; i++) {
            int steps = keys[i].length;
            double[] dp = Dense.flat(dProjected[i]);
            Dense.gemm(true, false, size, e, steps, dp, Dense.flat(keys[i]), 1, gw);
            double[] dk = new double[steps * e];
            Dense.gemm(false, false, steps, e, size, dp, wFlat, 0, dk);
            AdditiveAttention.addRows(g.keys[i], dk);
        }
        AdditiveAttention.addRows(g.w, gw);
    }

    /**
     * @param batch examples
     * @param steps encoder steps
     * @return zero gradients of this attention's shapes, for one batch
     */
    public Gradients zeroGradients(int batch, int steps) {
        return new Gradients(new double[w.length][w[0].length], new double[batch][w.length], new double[batch][steps][w[0].length]);
    }

    /**
     * Gradients of a {@link MultiplicativeAttention}'s parameter and inputs, summed over a batch.
     *
     * @param w     ∂L/∂W
     * @param query ∂L/∂s [batch][D]
     * @param keys  ∂L/∂h [batch][steps][E]
     */
    public record Gradients(double[][] w, double[][] query, double[][][] keys) {
    }
}
