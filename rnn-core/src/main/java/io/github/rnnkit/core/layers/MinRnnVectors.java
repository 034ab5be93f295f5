package io.github.rnnkit.core.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.stream.IntStream;

/**
 * minGRU and minLSTM ({@link MinRnnMath}'s equations) in float32 SIMD lanes, for float32 networks
 * when {@link Simd} has the Vector API. Both cells are written as one update,
 * <pre>
 *   h_t = h_{t−1} + c_t ⊙ (h̃_t − h_{t−1}),   c_t = m_t z_t (minGRU) or m_t i_t / (f_t + i_t) (minLSTM)
 * </pre>
 * (m_t the step's mask), which is (1 − c_t) ⊙ h_{t−1} + c_t ⊙ h̃_t, the paper's form, with a masked
 * step keeping its state. Its backward pass, with δ_t = m_t ∂L/∂(output_t) + ∂L/∂h_t from later steps:
 * ∂L/∂h_{t−1} = (1 − c_t) δ_t, ∂L/∂h̃_t = c_t δ_t, ∂L/∂c_t = (h̃_t − h_{t−1}) δ_t, then through σ.
 *
 * <p>Two ways to get the projections x_t W + b:
 * <ul>
 *   <li><b>Thin inputs</b> (at most {@value #FEW_INPUTS} features, as the raw series of sequence
 *   models): {@link #forward} and {@link #backward} compute a step's projections inside the scan,
 *   one example's row at a time, and recompute them in the backward pass instead of storing them;
 *   they cost a few multiply-adds per unit, less than writing and reading them back. The forward
 *   pass stores only h, and the backward pass sums the weight gradients row by row.</li>
 *   <li><b>Wide inputs</b> (the layers above the first of a stack): the caller computes the
 *   projections of every step as one matrix product, P = X W + b over all T·mb rows, and
 *   {@link #forwardProjected} scans them; {@link #backwardProjected} overwrites P with ∂L/∂P, from
 *   which the caller takes ∂L/∂W = Xᵀ ∂L/∂P, ∂L/∂b = Σ_rows ∂L/∂P and ∂L/∂X = ∂L/∂P Wᵀ as matrix
 *   products. Row by row, a 128-wide input cost 128 multiply-adds per unit in each of three places
 *   (forward, its recomputation, and the gradients) without the cache blocking of a matrix product.</li>
 * </ul>
 * Workers split the examples (so a minibatch of one runs on one core); each worker sums its own
 * weight gradients, which are added at the end. σ is {@link VectorGates#sigmoid}, accurate to 1e-6.
 *
 * <p>Layouts as {@link MinRnnMath}'s, except that the weights are DL4J's parameter
 * {@code W [in][G*H]} (projection blocks side by side) and {@code b [G*H]}.
 */
final class MinRnnVectors {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Inputs with more features than this take the matrix-product path ({@link #forwardProjected}). */
    static final int FEW_INPUTS = 16;

    private MinRnnVectors() {
    }

    /**
     * @param gru     true for minGRU, false for minLSTM
     * @param x       inputs {@code [T][mb][in]}
     * @param w       weights {@code [in][G*H]}
     * @param b       biases {@code [G*H]}
     * @param h0      the state before step 0 {@code [mb][H]}
     * @param mask    {@code [mb][T]}, or null for all real
     * @param steps   T
     * @param mb      examples
     * @param in      input features
     * @param hid     H
     * @param workers threads the examples are split among
     * @return h of every step {@code [T][mb][H]}
     */
    static float[] forward(boolean gru, float[] x, float[] w, float[] b, float[] h0, float[] mask, int steps, int mb, int in,
                           int hid, int workers) {
        return scan(gru, x, w, b, null, h0, mask, steps, mb, in, hid, workers);
    }

    /**
     * The forward pass from projections computed beforehand.
     *
     * @param gru     true for minGRU, false for minLSTM
     * @param pre     x_t W + b of every step {@code [T][mb][G*H]} (z, h̃ or f, i, h̃ blocks side by side)
     * @param h0      the state before step 0 {@code [mb][H]}
     * @param mask    {@code [mb][T]}, or null for all real
     * @param steps   T
     * @param mb      examples
     * @param hid     H
     * @param workers threads the examples are split among
     * @return h of every step {@code [T][mb][H]}
     */
    static float[] forwardProjected(boolean gru, float[] pre, float[] h0, float[] mask, int steps, int mb, int hid,
                                    int workers) {
        return scan(gru, null, null, null, pre, h0, mask, steps, mb, 0, hid, workers);
    }

    /** The forward scan, projecting inside it when {@code pre} is null. */
    private static float[] scan(boolean gru, float[] x, float[] w, float[] b, float[] pre, float[] h0, float[] mask,
                                int steps, int mb, int in, int hid, int workers) {
        int width = (gru ? 2 : 3) * hid;
        float[] h = new float[steps * mb * hid];
        int parts = parts(steps, mb, hid, workers);
        IntStream.range(0, parts).parallel().forEach(part -> {
            int e0 = (int) ((long) mb * part / parts);
            int e1 = (int) ((long) mb * (part + 1) / parts);
            float[] local = pre == null ? new float[width] : null;
            for (int t = 0; t < steps; t++) {
                for (int e = e0; e < e1; e++) {
                    int row = t * mb + e;
                    float[] p = pre;
                    int pOff = row * width;
                    if (pre == null) {
                        project(x, row * in, in, w, b, local, width);
                        p = local;
                        pOff = 0;
                    }
                    float m = mask == null ? 1f : mask[e * steps + t];
                    float[] prev = t == 0 ? h0 : h;
                    int po = t == 0 ? e * hid : (row - mb) * hid;
                    if (gru) {
                        gruStep(p, pOff, hid, prev, po, h, row * hid, m);
                    } else {
                        lstmStep(p, pOff, hid, prev, po, h, row * hid, m);
                    }
                }
            }
        });
        return h;
    }

    /** @return the workers a pass over {@code mb} examples uses: one for small passes, at most one per example */
    private static int parts(int steps, int mb, int hid, int workers) {
        return (long) steps * mb * hid < MinRnnMath.SMALL ? 1 : Math.max(1, Math.min(workers, mb));
    }

    /**
     * The gradients of {@link #forward}, from step {@code steps − 1} back to step {@code first}.
     *
     * @param gru   true for minGRU
     * @param x     the inputs given to forward
     * @param w     the weights given to forward
     * @param b     the biases given to forward
     * @param h0    the initial state given to forward
     * @param mask  the mask given to forward, or null
     * @param h     what forward returned
     * @param dOut  ∂L/∂(masked output) {@code [T][mb][H]}
     * @param first the first step to run back through
     * @param steps T
     * @param mb    examples
     * @param in    input features
     * @param hid   H
     * @param workers threads the examples are split among
     * @return ∂L/∂W {@code [in][G*H]}, ∂L/∂b {@code [G*H]}, ∂L/∂x {@code [T][mb][in]} and ∂L/∂(state entering step first) {@code [mb][H]}
     */
    static float[][] backward(boolean gru, float[] x, float[] w, float[] b, float[] h0, float[] mask, float[] h, float[] dOut,
                              int first, int steps, int mb, int in, int hid, int workers) {
        int width = (gru ? 2 : 3) * hid;
        float[] dx = new float[x.length];
        float[] dh0 = new float[mb * hid];
        int parts = parts(steps, mb, hid, workers);
        float[][] partial = new float[parts][];
        IntStream.range(0, parts).parallel().forEach(part -> {
            int e0 = (int) ((long) mb * part / parts);
            int e1 = (int) ((long) mb * (part + 1) / parts);
            float[] sums = new float[in * width + width];   // ∂W then ∂b
            float[] carried = new float[(e1 - e0) * hid];
            float[] pre = new float[width];
            float[] dPre = new float[width];
            for (int t = steps - 1; t >= first; t--) {
                for (int e = e0; e < e1; e++) {
                    int row = t * mb + e;
                    int xo = row * in;
                    project(x, xo, in, w, b, pre, width);
                    stepBack(gru, pre, 0, hid, h0, h, mask, dOut, t, e, e0, mb, steps, carried, dPre, 0);
                    accumulate(x, xo, in, dPre, width, sums);
                    for (int i = 0; i < in; i++) {
                        dx[xo + i] = dot(dPre, w, i * width, width);
                    }
                    if (t == first) {
                        System.arraycopy(carried, (e - e0) * hid, dh0, e * hid, hid);
                    }
                }
            }
            partial[part] = sums;
        });
        float[] total = partial[0];
        for (int p = 1; p < parts; p++) {
            for (int i = 0; i < total.length; i++) {
                total[i] += partial[p][i];
            }
        }
        return new float[][]{java.util.Arrays.copyOf(total, in * width),
                java.util.Arrays.copyOfRange(total, in * width, total.length), dx, dh0};
    }

    /**
     * The backward scan of {@link #forwardProjected}, from step {@code steps − 1} back to step
     * {@code first}: overwrites the rows of {@code pre} from step {@code first} on with ∂L/∂P (the
     * rows before it are left as they were), from which the caller computes the gradients of W, b
     * and x as matrix products.
     *
     * @param gru     true for minGRU
     * @param pre     the projections given to forwardProjected; overwritten
     * @param h0      the initial state given to forwardProjected
     * @param mask    the mask given to forwardProjected, or null
     * @param h       what forwardProjected returned
     * @param dOut    ∂L/∂(masked output) {@code [T][mb][H]}
     * @param first   the first step to run back through
     * @param steps   T
     * @param mb      examples
     * @param hid     H
     * @param workers threads the examples are split among
     * @return ∂L/∂b {@code [G*H]} (the sum of the rows of ∂L/∂P) and ∂L/∂(state entering step first) {@code [mb][H]}
     */
    static float[][] backwardProjected(boolean gru, float[] pre, float[] h0, float[] mask, float[] h, float[] dOut, int first,
                                       int steps, int mb, int hid, int workers) {
        int width = (gru ? 2 : 3) * hid;
        float[] dh0 = new float[mb * hid];
        int parts = parts(steps, mb, hid, workers);
        float[][] partial = new float[parts][];
        IntStream.range(0, parts).parallel().forEach(part -> {
            int e0 = (int) ((long) mb * part / parts);
            int e1 = (int) ((long) mb * (part + 1) / parts);
            float[] carried = new float[(e1 - e0) * hid];
            float[] db = new float[width];
            for (int t = steps - 1; t >= first; t--) {
                for (int e = e0; e < e1; e++) {
                    int pOff = (t * mb + e) * width;
                    // in place: each lane block of ∂L/∂P is written after the same block of P is read
                    stepBack(gru, pre, pOff, hid, h0, h, mask, dOut, t, e, e0, mb, steps, carried, pre, pOff);
                    addRow(pre, pOff, db);
                    if (t == first) {
                        System.arraycopy(carried, (e - e0) * hid, dh0, e * hid, hid);
                    }
                }
            }
            partial[part] = db;
        });
        float[] db = partial[0];
        for (int p = 1; p < parts; p++) {
            addRow(partial[p], 0, db);
        }
        return new float[][]{db, dh0};
    }

    /** {@code into[j] += from[off + j]} for every j of {@code into}. */
    private static void addRow(float[] from, int off, float[] into) {
        int n = into.length;
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += S.length()) {
            FloatVector.fromArray(S, from, off + j).add(FloatVector.fromArray(S, into, j)).intoArray(into, j);
        }
        for (; j < n; j++) {
            into[j] += from[off + j];
        }
    }

    /** One step of one example back, writing ∂L/∂P of the step into {@code dPre} at {@code dOff}. */
    private static void stepBack(boolean gru, float[] pre, int pOff, int hid, float[] h0, float[] h, float[] mask,
                                 float[] dOut, int t, int e, int e0, int mb, int steps, float[] carried, float[] dPre,
                                 int dOff) {
        int row = t * mb + e;
        float m = mask == null ? 1f : mask[e * steps + t];
        float[] prev = t == 0 ? h0 : h;
        int po = t == 0 ? e * hid : (row - mb) * hid;
        int co = (e - e0) * hid;
        if (gru) {
            gruBack(pre, pOff, hid, prev, po, dOut, row * hid, m, carried, co, dPre, dOff);
        } else {
            lstmBack(pre, pOff, hid, prev, po, dOut, row * hid, m, carried, co, dPre, dOff);
        }
    }

    /** {@code pre[j] = b[j] + Σ_i x[xo+i] w[i*width + j]} for {@code j < width}. */
    private static void project(float[] x, int xo, int in, float[] w, float[] b, float[] pre, int width) {
        int bound = S.loopBound(width);
        int j = 0;
        for (; j < bound; j += S.length()) {
            FloatVector acc = FloatVector.fromArray(S, b, j);
            for (int i = 0; i < in; i++) {
                acc = FloatVector.fromArray(S, w, i * width + j).fma(FloatVector.broadcast(S, x[xo + i]), acc);
            }
            acc.intoArray(pre, j);
        }
        for (; j < width; j++) {
            float s = b[j];
            for (int i = 0; i < in; i++) {
                s += x[xo + i] * w[i * width + j];
            }
            pre[j] = s;
        }
    }

    /** minGRU: c = m σ(pre_z), h = prev + c (pre_h − prev). */
    private static void gruStep(float[] pre, int q, int hid, float[] prev, int po, float[] h, int o, float m) {
        int bound = S.loopBound(hid);
        int k = 0;
        for (; k < bound; k += S.length()) {
            FloatVector c = VectorGates.sigmoid(FloatVector.fromArray(S, pre, q + k)).mul(m);
            FloatVector p = FloatVector.fromArray(S, prev, po + k);
            FloatVector.fromArray(S, pre, q + hid + k).sub(p).fma(c, p).intoArray(h, o + k);
        }
        for (; k < hid; k++) {
            float c = m * Activations.sigmoidFloat(pre[q + k]);
            float p = prev[po + k];
            h[o + k] = p + c * (pre[q + hid + k] - p);
        }
    }

    /** minLSTM: c = m i / (f + i), h = prev + c (pre_h − prev). */
    private static void lstmStep(float[] pre, int q, int hid, float[] prev, int po, float[] h, int o, float m) {
        int bound = S.loopBound(hid);
        int k = 0;
        for (; k < bound; k += S.length()) {
            FloatVector f = VectorGates.sigmoid(FloatVector.fromArray(S, pre, q + k));
            FloatVector i = VectorGates.sigmoid(FloatVector.fromArray(S, pre, q + hid + k));
            FloatVector c = i.mul(m).div(f.add(i));
            FloatVector p = FloatVector.fromArray(S, prev, po + k);
            FloatVector.fromArray(S, pre, q + 2 * hid + k).sub(p).fma(c, p).intoArray(h, o + k);
        }
        for (; k < hid; k++) {
            float f = Activations.sigmoidFloat(pre[q + k]);
            float i = Activations.sigmoidFloat(pre[q + hid + k]);
            float c = m * i / (f + i);
            float p = prev[po + k];
            h[o + k] = p + c * (pre[q + 2 * hid + k] - p);
        }
    }

    /**
     * One minGRU step back: δ = m dOut + carried; dPre_z = δ (h̃ − prev) m z (1 − z),
     * dPre_h = δ c; carried becomes (1 − c) δ.
     */
    private static void gruBack(float[] pre, int q, int hid, float[] prev, int po, float[] dOut, int o, float m, float[] carried,
                                int co, float[] dPre, int d) {
        int bound = S.loopBound(hid);
        int k = 0;
        for (; k < bound; k += S.length()) {
            FloatVector z = VectorGates.sigmoid(FloatVector.fromArray(S, pre, q + k));
            FloatVector c = z.mul(m);
            FloatVector delta = FloatVector.fromArray(S, dOut, o + k).mul(m).add(FloatVector.fromArray(S, carried, co + k));
            FloatVector diff = FloatVector.fromArray(S, pre, q + hid + k).sub(FloatVector.fromArray(S, prev, po + k));
            delta.mul(diff).mul(c).mul(z.neg().add(1f)).intoArray(dPre, d + k);
            delta.mul(c).intoArray(dPre, d + hid + k);
            delta.sub(delta.mul(c)).intoArray(carried, co + k);
        }
        for (; k < hid; k++) {
            float z = Activations.sigmoidFloat(pre[q + k]);
            float c = z * m;
            float delta = m * dOut[o + k] + carried[co + k];
            float diff = pre[q + hid + k] - prev[po + k];
            dPre[d + k] = delta * diff * c * (1 - z);
            dPre[d + hid + k] = delta * c;
            carried[co + k] = delta - delta * c;
        }
    }

    /**
     * One minLSTM step back: with s = f + i and c = m i / s, ∂c/∂f = −c / s and ∂c/∂i = m f / s², so
     * dPre_f = −g c / s · f (1 − f) and dPre_i = g m f / s² · i (1 − i) with g = δ (h̃ − prev);
     * dPre_h = δ c; carried becomes (1 − c) δ.
     */
    private static void lstmBack(float[] pre, int q, int hid, float[] prev, int po, float[] dOut, int o, float m, float[] carried,
                                 int co, float[] dPre, int d) {
        int bound = S.loopBound(hid);
        int k = 0;
        for (; k < bound; k += S.length()) {
            FloatVector f = VectorGates.sigmoid(FloatVector.fromArray(S, pre, q + k));
            FloatVector i = VectorGates.sigmoid(FloatVector.fromArray(S, pre, q + hid + k));
            FloatVector s = f.add(i);
            FloatVector c = i.mul(m).div(s);
            FloatVector delta = FloatVector.fromArray(S, dOut, o + k).mul(m).add(FloatVector.fromArray(S, carried, co + k));
            FloatVector g = delta.mul(FloatVector.fromArray(S, pre, q + 2 * hid + k).sub(FloatVector.fromArray(S, prev, po + k)));
            FloatVector gs = g.div(s);
            gs.mul(c).neg().mul(f).mul(f.neg().add(1f)).intoArray(dPre, d + k);
            gs.mul(f).div(s).mul(m).mul(i).mul(i.neg().add(1f)).intoArray(dPre, d + hid + k);
            delta.mul(c).intoArray(dPre, d + 2 * hid + k);
            delta.sub(delta.mul(c)).intoArray(carried, co + k);
        }
        for (; k < hid; k++) {
            float f = Activations.sigmoidFloat(pre[q + k]);
            float i = Activations.sigmoidFloat(pre[q + hid + k]);
            float s = f + i;
            float c = m * i / s;
            float delta = m * dOut[o + k] + carried[co + k];
            float g = delta * (pre[q + 2 * hid + k] - prev[po + k]);
            dPre[d + k] = -g * c / s * f * (1 - f);
            dPre[d + hid + k] = g * m * f / (s * s) * i * (1 - i);
            dPre[d + 2 * hid + k] = delta * c;
            carried[co + k] = delta - delta * c;
        }
    }

    /** {@code sums[i*width + j] += x_i dPre[j]} and {@code sums[in*width + j] += dPre[j]}. */
    private static void accumulate(float[] x, int xo, int in, float[] dPre, int width, float[] sums) {
        int bound = S.loopBound(width);
        int j = 0;
        for (; j < bound; j += S.length()) {
            FloatVector d = FloatVector.fromArray(S, dPre, j);
            for (int i = 0; i < in; i++) {
                int at = i * width + j;
                d.fma(FloatVector.broadcast(S, x[xo + i]), FloatVector.fromArray(S, sums, at)).intoArray(sums, at);
            }
            int at = in * width + j;
            d.add(FloatVector.fromArray(S, sums, at)).intoArray(sums, at);
        }
        for (; j < width; j++) {
            for (int i = 0; i < in; i++) {
                sums[i * width + j] += x[xo + i] * dPre[j];
            }
            sums[in * width + j] += dPre[j];
        }
    }

    /** @return {@code Σ_j a[j] b[bo + j]} for {@code j < n} */
    private static float dot(float[] a, float[] b, int bo, int n) {
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (; j < bound; j += S.length()) {
            acc = FloatVector.fromArray(S, a, j).fma(FloatVector.fromArray(S, b, bo + j), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s += a[j] * b[bo + j];
        }
        return s;
    }
}
