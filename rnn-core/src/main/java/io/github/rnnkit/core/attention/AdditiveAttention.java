package io.github.rnnkit.core.attention;

import io.github.rnnkit.core.layers.Activations;
import io.github.rnnkit.core.layers.Dense;

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
    private boolean float32;

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

    /**
     * Chooses the accuracy of tanh: float32 accuracy (absolute error below 1e-6, about four times
     * faster) for a float32 model, or double precision (the default).
     *
     * @param on float32 accuracy
     * @return this
     */
    public AdditiveAttention float32Accuracy(boolean on) {
        this.float32 = on;
        return this;
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
        double[] uFlat = Dense.flat(u);
        int size = u.length;
        double[][][] out = new double[keys.length][][];
        for (int i = 0; i < keys.length; i++) {
            int steps = keys[i].length;
            double[] p = new double[steps * size];
            Dense.gemm(false, true, steps, size, u[0].length, Dense.flat(keys[i]), uFlat, 0, p);
            out[i] = new double[steps][];
            for (int j = 0; j < steps; j++) {
                double[] row = new double[size];
                for (int a = 0; a < size; a++) {
                    row[a] = p[j * size + a] + bu[a];
                }
                out[i][j] = row;
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
        return forward(query, keys, projected, mask, null);
    }

    /**
     * {@link #forward(double[][], double[][][], double[][][], double[][])} keeping its tanh values
     * in a caller's array when it has the right length (a training loop reuses the previous
     * step's), else in a new one.
     *
     * @param query     s [batch][D]
     * @param keys      h [batch][steps][E]
     * @param projected {@link #projectKeys} of {@code keys}
     * @param mask      [batch][steps] or null
     * @param spare     an array that may be overwritten, or null
     * @return the weights, the context and the scores
     */
    public AttentionOutput forward(double[][] query, double[][][] keys, double[][][] projected, double[][] mask, double[] spare) {
        int size = v.length;
        double[] q = new double[query.length * size];
        Dense.gemm(false, true, query.length, size, w[0].length, Dense.flat(query), Dense.flat(w), 0, q);
        double[][] e = new double[query.length][];
        int rows = 0;
        for (double[][] k : keys) {
            rows += k.length;
        }
        double[] hidden = spare != null && spare.length == rows * size ? spare : new double[rows * size];
        // rows at offset 0 in small arrays: C2 vectorises a loop only when all its arrays share the index
        double[] qi = new double[size];
        double[] zi = new double[size];
        int z = 0;
        for (int i = 0; i < query.length; i++) {
            System.arraycopy(q, i * size, qi, 0, size);
            for (int a = 0; a < size; a++) {
                qi[a] += bw[a];
            }
            e[i] = new double[keys[i].length];
            for (int j = 0; j < keys[i].length; j++, z += size) {
                e[i][j] = scoreRow(qi, projected[i][j], zi);
                System.arraycopy(zi, 0, hidden, z, size);
            }
        }
        AttentionOutput o = AttentionMath.weigh(e, mask, keys);
        return new AttentionOutput(o.weights(), o.context(), o.scores(), hidden);
    }

    /** @return v · tanh(q + p) + b_v, with the tanh values left in {@code z} */
    private double scoreRow(double[] q, double[] p, double[] z) {
        if (float32) {
            for (int a = 0; a < z.length; a++) {
                z[a] = Activations.tanhRational(q[a] + p[a]);
            }
        } else {
            for (int a = 0; a < z.length; a++) {
                z[a] = Activations.tanh(q[a] + p[a]);
            }
        }
        double s = bv[0];
        for (int a = 0; a < z.length; a++) {
            s += v[a] * z[a];
        }
        return s;
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
        int size = v.length;
        int batch = query.length;
        int d = w[0].length;
        double[] dq = new double[batch * size];
        double[] hz = out.hidden();
        double[] zi = new double[size];
        double[] dqi = new double[size];
        int row = 0;
        for (int i = 0; i < batch; i++) {
            java.util.Arrays.fill(dqi, 0);
            for (int j = 0; j < keys[i].length; j++, row += size) {
                double dij = de[i][j];
                if (dij == 0) {
                    continue;   // masked (or a weight of exactly 0): no gradient through this step
                }
                g.bv[0] += dij;
                System.arraycopy(hz, row, zi, 0, size);
                backRow(dij, zi, g.v, dqi, dProjected[i][j]);
            }
            System.arraycopy(dqi, 0, dq, i * size, size);
            for (int a = 0; a < size; a++) {
                g.bw[a] += dqi[a];
            }
        }
        double[] gw = new double[size * d];
        Dense.gemm(true, false, size, d, batch, dq, Dense.flat(query), 0, gw);
        addRows(g.w, gw);
        double[] gq = new double[batch * d];
        Dense.gemm(false, false, batch, d, size, dq, Dense.flat(w), 0, gq);
        addRows(g.query, gq);
    }

    /** One score's way back: ∂L/∂v += de z, and ∂L/∂(q + p) = de v (1 − z²) added to both dq and dp. */
    private void backRow(double de, double[] z, double[] gv, double[] dq, double[] dp) {
        for (int a = 0; a < z.length; a++) {
            double za = z[a];
            gv[a] += de * za;
            double da = de * v[a] * (1 - za * za);
            dq[a] += da;
            dp[a] += da;
        }
    }

    /** Adds a row-major {@code [rows][cols]} array to {@code into}'s rows. */
    static void addRows(double[][] into, double[] flat) {
        int cols = into.length == 0 ? 0 : into[0].length;
        for (int r = 0; r < into.length; r++) {
            double[] row = into[r];
            for (int k = 0; k < cols; k++) {
                row[k] += flat[r * cols + k];
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
        int size = u.length;
        int e = u[0].length;
        double[] uFlat = Dense.flat(u);
        double[] gu = new double[size * e];
        for (int i = 0; i < keys.length; i++) {
            int steps = keys[i].length;
            double[] dp = Dense.flat(dProjected[i]);
            for (int j = 0; j < steps; j++) {
                for (int a = 0; a < size; a++) {
                    g.bu[a] += dp[j * size + a];
                }
            }
            Dense.gemm(true, false, size, e, steps, dp, Dense.flat(keys[i]), 1, gu);
            double[] dk = new double[steps * e];
            Dense.gemm(false, false, steps, e, size, dp, uFlat, 0, dk);
            addRows(g.keys[i], dk);
        }
        addRows(g.u, gu);
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
