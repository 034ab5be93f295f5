package io.github.rnnkit.core.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The float32 gate loops of the three cells in SIMD lanes, with the JDK's incubating Vector API
 * ({@code jdk.incubator.vector}): the same maths as the kernels' scalar float loops, on whole
 * vectors of {@link #lanes()} units. Loaded only when {@link Simd} finds the module, and used
 * only for hidden sizes that are a multiple of the lane count, so no loop has a tail.
 *
 * <p>Arguments are direct buffers with offsets counted in floats. Each loop is a small method of
 * its own and never merges vectors across branches: measured on JDK 17, a loop that called both
 * activations behind a flag, or one that grew past C2's inlining budget, fell back to boxed
 * vectors and ran 4-5 times slower than its scalar version, not faster.
 *
 * <p>tanh is the rational approximation of {@link Activations#tanhFloat} evaluated in float
 * arithmetic with fused multiply-adds (error below 1e-6, tested); sigmoid is
 * {@code (1 + tanh(x / 2)) / 2}.
 */
final class VectorGates {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final float CLAMP = 7.99881172180175781f;

    private VectorGates() {
    }

    /** @return floats per vector on this machine (16 with AVX-512, 8 with AVX2) */
    static int lanes() {
        return S.length();
    }

    private static FloatVector load(ByteBuffer b, int i) {
        return FloatVector.fromByteBuffer(S, b, i << 2, ORDER);
    }

    private static void store(FloatVector v, ByteBuffer b, int i) {
        v.intoByteBuffer(b, i << 2, ORDER);
    }

    private static FloatVector constant(float c) {
        return FloatVector.broadcast(S, c);
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector c = x.max(-CLAMP).min(CLAMP);
        FloatVector x2 = c.mul(c);
        FloatVector p = x2.fma(constant(-2.76076847742355e-16f), constant(2.00018790482477e-13f));
        p = p.fma(x2, constant(-8.60467152213735e-11f));
        p = p.fma(x2, constant(5.12229709037114e-08f));
        p = p.fma(x2, constant(1.48572235717979e-05f));
        p = p.fma(x2, constant(6.37261928875436e-04f));
        p = p.fma(x2, constant(4.89352455891786e-03f));
        FloatVector q = x2.fma(constant(1.19825839466702e-06f), constant(1.18534705686654e-04f));
        q = q.fma(x2, constant(2.26843463243900e-03f));
        q = q.fma(x2, constant(4.89352518554385e-03f));
        return c.mul(p).div(q);
    }

    static FloatVector sigmoid(FloatVector x) {
        return tanh(x.mul(0.5f)).fma(constant(0.5f), constant(0.5f));
    }

    /** {@code out[o+k] = tanh(x[xo+k] + y[yo+k] + bias[bo+k])} for {@code k < n}. */
    static void tanh(ByteBuffer out, int o, ByteBuffer x, int xo, ByteBuffer y, int yo, ByteBuffer bias, int bo, int n) {
        for (int k = 0; k < n; k += S.length()) {
            store(tanh(load(x, xo + k).add(load(y, yo + k)).add(load(bias, bo + k))), out, o + k);
        }
    }

    /** {@code out[o+k] = sigmoid(x[xo+k] + y[yo+k] + bias[bo+k])} for {@code k < n}. */
    static void sigmoid(ByteBuffer out, int o, ByteBuffer x, int xo, ByteBuffer y, int yo, ByteBuffer bias, int bo,
                        int n) {
        for (int k = 0; k < n; k += S.length()) {
            store(sigmoid(load(x, xo + k).add(load(y, yo + k)).add(load(bias, bo + k))), out, o + k);
        }
    }

    /** {@code out[o+k] = max(0, x[xo+k] + y[yo+k] + bias[bo+k])} for {@code k < n}. */
    static void relu(ByteBuffer out, int o, ByteBuffer x, int xo, ByteBuffer y, int yo, ByteBuffer bias, int bo, int n) {
        for (int k = 0; k < n; k += S.length()) {
            store(load(x, xo + k).add(load(y, yo + k)).add(load(bias, bo + k)).max(0f), out, o + k);
        }
    }

    /** {@code d[i] = dh[i] (1 - h[i]^2)}, the gradient through {@code h = tanh(a)}, for {@code i < n}. */
    static void tanhGradient(ByteBuffer d, int dOff, ByteBuffer dh, int dhOff, ByteBuffer h, int hOff, int n) {
        FloatVector one = constant(1f);
        for (int i = 0; i < n; i += S.length()) {
            FloatVector v = load(h, hOff + i);
            store(load(dh, dhOff + i).mul(one.sub(v.mul(v))), d, dOff + i);
        }
    }

    /** {@code d[i] = h[i] > 0 ? dh[i] : 0}, the gradient through {@code h = relu(a)}, for {@code i < n}. */
    static void reluGradient(ByteBuffer d, int dOff, ByteBuffer dh, int dhOff, ByteBuffer h, int hOff, int n) {
        for (int i = 0; i < n; i += S.length()) {
            FloatVector v = load(h, hOff + i);
            store(load(dh, dhOff + i).blend(0f, v.compare(VectorOperators.LE, 0f)), d, dOff + i);
        }
    }

    /**
     * One row of the LSTM state update from its activated gates i, f, g, o (at {@code g + k},
     * {@code g + H + k}, ...): {@code c = f c_prev + i g}, {@code h = o tanh(c)}; also caches tanh(c).
     */
    static void lstmState(ByteBuffer gates, int g, ByteBuffer cs, int prev, int next, ByteBuffer tanhC, int tc,
                          ByteBuffer hs, int hidden) {
        for (int k = 0; k < hidden; k += S.length()) {
            FloatVector c = load(gates, g + hidden + k).mul(load(cs, prev + k))
                    .add(load(gates, g + k).mul(load(gates, g + 2 * hidden + k)));
            FloatVector tanh = tanh(c);
            store(c, cs, next + k);
            store(tanh, tanhC, tc + k);
            store(load(gates, g + 3 * hidden + k).mul(tanh), hs, next + k);
        }
    }

    /**
     * One row of the LSTM gate gradients: from dL/dh and the dL/dc carried in, dL/d(pre-activation)
     * of i, f, g, o into {@code dProj} and dL/dc_{t-1} into {@code dcPrev}.
     */
    static void lstmGradients(ByteBuffer gates, int g, ByteBuffer tanhC, int tc, ByteBuffer cs, int prev, ByteBuffer dh,
                              ByteBuffer dc, int s, ByteBuffer dProj, ByteBuffer dcPrev, int hidden) {
        FloatVector one = constant(1f);
        for (int k = 0; k < hidden; k += S.length()) {
            FloatVector i = load(gates, g + k);
            FloatVector f = load(gates, g + hidden + k);
            FloatVector gg = load(gates, g + 2 * hidden + k);
            FloatVector o = load(gates, g + 3 * hidden + k);
            FloatVector tanh = load(tanhC, tc + k);
            FloatVector dhs = load(dh, s + k);
            FloatVector dcTotal = load(dc, s + k).add(dhs.mul(o).mul(one.sub(tanh.mul(tanh))));
            store(dcTotal.mul(gg).mul(i).mul(one.sub(i)), dProj, g + k);
            store(dcTotal.mul(load(cs, prev + k)).mul(f).mul(one.sub(f)), dProj, g + hidden + k);
            store(dcTotal.mul(i).mul(one.sub(gg.mul(gg))), dProj, g + 2 * hidden + k);
            store(dhs.mul(tanh).mul(o).mul(one.sub(o)), dProj, g + 3 * hidden + k);
            store(dcTotal.mul(f), dcPrev, s + k);
        }
    }

    /**
     * One row of the GRU candidate and state from the activated r and z gates:
     * {@code hn = rec_n + bhn}, {@code n = tanh(proj_n + b_n + r hn)}, {@code h = n + z (h_prev - n)}.
     */
    static void gruState(ByteBuffer gates, int g, ByteBuffer proj, ByteBuffer bias, ByteBuffer rec, int recRow,
                         ByteBuffer bhn, ByteBuffer hn, int hnOff, ByteBuffer hs, int prev, int next, int hidden) {
        int h2 = 2 * hidden;
        for (int k = 0; k < hidden; k += S.length()) {
            FloatVector hnv = load(rec, recRow + h2 + k).add(load(bhn, k));
            FloatVector n = tanh(load(proj, g + h2 + k).add(load(bias, h2 + k)).add(load(gates, g + k).mul(hnv)));
            store(n, gates, g + h2 + k);
            store(hnv, hn, hnOff + k);
            store(load(gates, g + hidden + k).mul(load(hs, prev + k).sub(n)).add(n), hs, next + k);
        }
    }

    /**
     * One row of the GRU gate gradients: dL/d(pre-activation) of r, z, n into {@code dProj},
     * dL/d(h RW) into {@code dRec} (its n-part scaled by r), and the direct part {@code dh z} of
     * dL/dh_{t-1} into {@code dhPrev}.
     */
    static void gruGradients(ByteBuffer gates, int g, ByteBuffer hn, int hnOff, ByteBuffer hs, int prev, ByteBuffer dh,
                             int s, ByteBuffer dProj, ByteBuffer dRec, ByteBuffer dhPrev, int hidden) {
        FloatVector one = constant(1f);
        int h2 = 2 * hidden;
        for (int k = 0; k < hidden; k += S.length()) {
            FloatVector r = load(gates, g + k);
            FloatVector z = load(gates, g + hidden + k);
            FloatVector n = load(gates, g + h2 + k);
            FloatVector dhs = load(dh, s + k);
            FloatVector dn = dhs.mul(one.sub(z)).mul(one.sub(n.mul(n)));
            FloatVector dz = dhs.mul(load(hs, prev + k).sub(n)).mul(z).mul(one.sub(z));
            FloatVector dr = dn.mul(load(hn, hnOff + k)).mul(r).mul(one.sub(r));
            store(dr, dProj, g + k);
            store(dz, dProj, g + hidden + k);
            store(dn, dProj, g + h2 + k);
            store(dr, dRec, g + k);
            store(dz, dRec, g + hidden + k);
            store(dn.mul(r), dRec, g + h2 + k);
            store(dhs.mul(z), dhPrev, s + k);
        }
    }

    /**
     * {@code proj[r] = sum_j x[r][j] w[j]} for {@code rows} rows of {@code nIn} inputs and
     * weight rows of {@code width}: the input projection of few inputs, a pass that writes each
     * output once.
     */
    static void project(ByteBuffer x, ByteBuffer w, ByteBuffer proj, int rows, int nIn, int width) {
        for (int r = 0; r < rows; r++) {
            int xr = r * nIn;
            int pr = r * width;
            for (int k = 0; k < width; k += S.length()) {
                FloatVector acc = load(w, k).mul(x.getFloat(xr << 2));
                for (int j = 1; j < nIn; j++) {
                    acc = load(w, j * width + k).fma(constant(x.getFloat((xr + j) << 2)), acc);
                }
                store(acc, proj, pr + k);
            }
        }
    }

    /**
     * As {@code ArrayGates.thinBackward}, with {@code width} a multiple of the lanes: {@code dW =
     * xᵀ dProj}, {@code dx = dProj Wᵀ} and {@code db} = column sums of {@code dProj} over rows
     * {@code sumFrom ≤ r < rows}, in one pass over {@code dProj}.
     */
    static void thinBackward(ByteBuffer dProj, ByteBuffer x, ByteBuffer w, int rows, int nIn, int width, int sumFrom,
                             ByteBuffer dW, ByteBuffer dx, ByteBuffer db) {
        // Accumulators live in dW and db (no arrays of vectors: those would be allocated per update).
        int lanes = S.length();
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < nIn * width; i += lanes) {
            store(zero, dW, i);
        }
        for (int k = 0; k < width; k += lanes) {
            store(zero, db, k);
        }
        for (int r = 0; r < rows; r++) {
            int pr = r * width;
            int xr = r * nIn;
            for (int j = 0; j < nIn; j++) {
                FloatVector xj = constant(x.getFloat((xr + j) << 2));
                FloatVector dot = zero;
                int o = j * width;
                for (int k = 0; k < width; k += lanes) {
                    FloatVector d = load(dProj, pr + k);
                    store(d.fma(xj, load(dW, o + k)), dW, o + k);
                    dot = d.fma(load(w, o + k), dot);
                }
                dx.putFloat((xr + j) << 2, dot.reduceLanes(jdk.incubator.vector.VectorOperators.ADD));
            }
            if (r >= sumFrom) {
                for (int k = 0; k < width; k += lanes) {
                    store(load(db, k).add(load(dProj, pr + k)), db, k);
                }
            }
        }
    }
}
