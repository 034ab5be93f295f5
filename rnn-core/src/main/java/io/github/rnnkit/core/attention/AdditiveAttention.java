package io.github.rnnkit.core.attention;

import java.util.Random;

/**
 * Additive attention (Bahdanau, Cho and Bengio 2014), laid out as the PyTorch seq2seq tutorial's
 * {@code BahdanauAttention} so that its weights import one to one:
 * <pre>
 *   e_j = v · tanh(W s + b_W + U h_j + b_U) + b_v      (the decoder state s is the query, h_j the encoder's states)
 *   α   = softmax(e) over the steps the mask keeps
 *   c   = Σ_j α_j h_j
 * </pre>
 * with W [A×D], U [A×E], v [A] and biases b_W [A], b_U [A], b_v (a constant shift that softmax
 * ignores: its gradient is always 0, it is kept for weight parity). U h_j + b_U does not depend on
 * the decoder step, so {@link #projectKeys} computes it once per input sequence.
 *
 * <p>Parameters are public arrays that training updates in place; {@link Gradients} has the same
 * shapes.
 */
public final class AdditiveAttention {
    /** W [A][D]: projects the decoder state. */
    public final double[][] w;
    /** b_W [A]. */
    public final double[] bw;
    /** U [A][E]: projects each encoder state. */
    public final double[][] u;
    /** b_U [A]. */
    public final double[] bu;
    /** v [A]: turns a projected pair into a score. */
    public final double[] v;
    /** b_v, one number (held in an array so that it updates in place like the others). */
    public final double[] bv;

    /**
     * Zero parameters of the given sizes.
     *
     * @param querySize D, the decoder state's size
     * @param keySize   E, the encoder state's size
     * @param size      A, the attention's hidden size
     */
    public AdditiveAttention(int querySize, int keySize, int size) {
        if (querySize < 1 || keySize < 1 || size < 1) {
            throw new IllegalArgumentException("attention sizes must be at least 1; got query " + querySize + ", key " + keySize
                    + ", attention " + size);
        }
        w = new double[size][querySize];
        bw = new double[size];
        u = new double[size][keySize];
        bu = new double[size];
        v = new double[size];
        bv = new double[1];
    }

    /**
     * Draws every parameter uniformly from ±1/√(fan-in), as PyTorch's {@code nn.Linear} does.
     *
     * @param seed the generator's seed
     * @return this
     */
    public AdditiveAttention initialise(long seed) {
        Random r = new Random(seed);
        fill(w, bw, 1 / Math.sqrt(w[0].length), r);
        fill(u, bu, 1 / Math.sqrt(u[0].length), r);
        double bound = 1 / Math.sqrt(v.length);
        for (int a = 0; a < v.length; a++) {
            v[a] = (2 * r.nextDouble() - 1) * bound;
        }
        bv[0] = (2 * r.nextDouble() - 1) * bound;
        return this;
    }

    private static void fill(double[][] m, double[] b, double bound, Random r) {
        for (int a = 0; a < m.length; a++) {
            for (int k = 0; k < m[a].length; k++) {
                m[a][k] = (2 * r.nextDouble() - 1) * bound;
            }
            b[a] = (2 * r.nextDouble() - 1) * bound;
        }
    }

    /** @return A, the attention's hidden size */
    public int size() {
        return v.length;
    }

    /**
     * @param keys h [batch][steps][E], the encoder's states
     * @return U h_j + b_U [batch][steps][A]: the part of every score that does not depend on the decoder step
     */
    public double[][][] projectKeys(double[][][] keys) {
        double[][][] out = new double[keys.length][][];
        for (int i = 0; i < keys.length; i++) {
            out[i] = new double[keys[i].length][];
            for (int j = 0; j < keys[i].length; j++) {
                out[i][j] = affine(u, bu, keys[i][j]);
            }
        }
        return out;
    }

    /**
     * One decoder step's attention.
     *
     * @param query     s [batch][D], the decoder's state
     * @param keys      h [batch][steps][E]
     * @param projected {@link #projectKeys} of {@code keys}
     * @param mask      [batch][steps], 1 to attend and 0 for padding, or null
     * @return the weights, the context and the scores
     */
    public AttentionOutput forward(double[][] query, double[][][] keys, double[][][] projected, double[][] mask) {
        double[][] e = new double[query.length][];
        double[][][] hidden = new double[query.length][][];
        for (int i = 0; i < query.length; i++) {
            double[] q = affine(w, bw, query[i]);
            e[i] = new double[keys[i].length];
            hidden[i] = new double[keys[i].length][q.length];
            for (int j = 0; j < keys[i].length; j++) {
                double s = bv[0];
                double[] z = hidden[i][j];
                double[] pj = projected[i][j];
                for (int a = 0; a < q.length; a++) {
                    z[a] = Math.tanh(q[a] + pj[a]);
                    s += v[a] * z[a];
                }
                e[i][j] = s;
            }
        }
        AttentionOutput o = AttentionMath.weigh(e, mask, keys);
        return new AttentionOutput(o.weights(), o.context(), o.scores(), hidden);
    }

    /**
     * The backward pass of {@link #forward}: adds to {@code g} the gradients of the parameters and
     * of the query and keys.
     *
     * @param query     s, as given to forward
     * @param keys      h, as given to forward
     * @param projected as given to forward
     * @param out       what forward returned
     * @param dContext  ∂L/∂c [batch][E]
     * @param dWeights  ∂L/∂α [batch][steps], or null when the loss does not use the weights directly
     * @param g         where the gradients are added
     */
    public void backward(double[][] query, double[][][] keys, double[][][] projected, AttentionOutput out, double[][] dContext,
                         double[][] dWeights, Gradients g) {
        double[][][] dProjected = new double[keys.length][][];
        for (int i = 0; i < keys.length; i++) {
            dProjected[i] = new double[keys[i].length][v.length];
        }
        backward(query, keys, projected, out, dContext, dWeights, g, dProjected);
        backwardProjection(keys, dProjected, g);
    }

    /**
     * {@link #backward} up to the projected keys: adds ∂L/∂(U h_j + b_U) to {@code dProjected}
     * instead of going on through U, so that a decoder summing it over all its steps goes through U
     * once ({@link #backwardProjection}) rather than once per step.
     *
     * @param query      s, as given to forward
     * @param keys       h, as given to forward
     * @param projected  as given to forward
     * @param out        what forward returned
     * @param dContext   ∂L/∂c [batch][E]
     * @param dWeights   ∂L/∂α [batch][steps], or null
     * @param g          where the gradients of W, b_W, v, b_v, the query and (through the weighted sum) the keys are added
     * @param dProjected ∂L/∂(U h_j + b_U) [batch][steps][A], added to
     */
    public void backward(double[][] query, double[][][] keys, double[][][] projected, AttentionOutput out, double[][] dContext,
                         double[][] dWeights, Gradients g, double[][][] dProjected) {
        double[][] de = AttentionMath.backward(out.weights(), keys, dContext, dWeights, g.keys);
        for (int i = 0; i < query.length; i++) {
            double[] dq = new double[v.length];
            for (int j = 0; j < keys[i].length; j++) {
                if (de[i][j] == 0) {
                    continue;   // masked (or a weight of exactly 0): no gradient through this step
                }
                g.bv[0] += de[i][j];
                double[] hz = out.hidden()[i][j];
                double[] dp = dProjected[i][j];
                for (int a = 0; a < v.length; a++) {
                    double z = hz[a];
                    g.v[a] += de[i][j] * z;
                    double da = de[i][j] * v[a] * (1 - z * z);
                    dq[a] += da;
                    dp[a] += da;
                }
            }
            for (int a = 0; a < dq.length; a++) {
                g.bw[a] += dq[a];
                for (int k = 0; k < query[i].length; k++) {
                    g.w[a][k] += dq[a] * query[i][k];
                    g.query[i][k] += dq[a] * w[a][k];
                }
            }
        }
    }

    /**
     * Back through the projection U h_j + b_U: adds the gradients of U, b_U and the keys.
     *
     * @param keys       h [batch][steps][E]
     * @param dProjected ∂L/∂(U h_j + b_U) [batch][steps][A]
     * @param g          where the gradients are added
     */
    public void backwardProjection(double[][][] keys, double[][][] dProjected, Gradients g) {
        for (int i = 0; i < keys.length; i++) {
            for (int j = 0; j < keys[i].length; j++) {
                double[] h = keys[i][j];
                double[] dk = g.keys[i][j];
                for (int a = 0; a < u.length; a++) {
                    double da = dProjected[i][j][a];
                    if (da == 0) {
                        continue;
                    }
                    g.bu[a] += da;
                    double[] ua = u[a];
                    double[] gu = g.u[a];
                    for (int k = 0; k < h.length; k++) {
                        gu[k] += da * h[k];
                        dk[k] += da * ua[k];
                    }
                }
            }
        }
    }

    /**
     * @param batch examples
     * @param steps encoder steps
     * @return zero gradients of this attention's shapes, for one batch
     */
    public Gradients zeroGradients(int batch, int steps) {
        return new Gradients(new double[w.length][w[0].length], new double[bw.length], new double[u.length][u[0].length],
                new double[bu.length], new double[v.length], new double[1], new double[batch][w[0].length],
                new double[batch][steps][u[0].length]);
    }

    private static double[] affine(double[][] m, double[] b, double[] x) {
        double[] out = new double[m.length];
        for (int a = 0; a < m.length; a++) {
            double s = b[a];
            for (int k = 0; k < x.length; k++) {
                s += m[a][k] * x[k];
            }
            out[a] = s;
        }
        return out;
    }

    /**
     * Gradients of an {@link AdditiveAttention}'s parameters and inputs, summed over a batch.
     *
     * @param w     ∂L/∂W
     * @param bw    ∂L/∂b_W
     * @param u     ∂L/∂U
     * @param bu    ∂L/∂b_U
     * @param v     ∂L/∂v
     * @param bv    ∂L/∂b_v (always 0: softmax ignores a shift shared by every score)
     * @param query ∂L/∂s [batch][D]
     * @param keys  ∂L/∂h [batch][steps][E]
     */
    public record Gradients(double[][] w, double[] bw, double[][] u, double[] bu, double[] v, double[] bv, double[][] query,
                            double[][][] keys) {
    }
}
