package io.github.rnnkit.core.layers;

import java.nio.FloatBuffer;

/**
 * The float32 gate loops of the three cells for JVMs without the Vector API module. A step's rows
 * are copied from the direct buffers into heap arrays, one array per gate holding that gate for all
 * rows, and computed in long, simple loops: an activation in place on one array, or arithmetic on a
 * few. C2 vectorises such loops by itself (superword); it does not vectorise loops over direct
 * buffers, nor (on JDK 17) loops that mix the activation with several arrays, and loops of one
 * row's 128 units spend most of their time in the scalar pre- and post-loops. Measured here for a
 * GRU step's gate pass over 64 rows of 128 units: 12 µs of arithmetic in this form (plus 5 µs of
 * copies), 62 µs in per-row loops over arrays, 18 µs in Vector API lanes. The same maths as {@link VectorGates}
 * (tanh by the rational approximation of {@link Activations#tanhFloat}, sigmoid as
 * {@code (1 + tanh(x / 2)) / 2}), in float arithmetic; PrecisionAgreementTest holds it to the
 * float64 kernels.
 *
 * <p>One instance per kernel: its arrays are scratch space, so it is not thread-safe (nor are
 * DL4J layers).
 */
final class ArrayGates {
    private final int hidden;
    private final int width;
    private float[][] v = new float[0][];

    ArrayGates(int hidden, int width) {
        this.hidden = hidden;
        this.width = width;
    }

    /** @return {@code count} scratch arrays of at least {@code n} floats each, reused between calls */
    private float[][] scratch(int count, int n) {
        if (v.length < count || v[0].length < n) {
            v = new float[Math.max(count, v.length)][n];
        }
        return v;
    }

    /** Copies part {@code part} (of {@code hidden} units) of each of {@code rows} rows of {@code stride} into {@code dst}. */
    private void gather(FloatBuffer src, int base, int stride, int part, float[] dst, int rows) {
        for (int r = 0; r < rows; r++) {
            src.get(base + r * stride + part * hidden, dst, r * hidden, hidden);
        }
    }

    /** The inverse of {@link #gather}. */
    private void scatter(float[] src, FloatBuffer dst, int base, int stride, int part, int rows) {
        for (int r = 0; r < rows; r++) {
            dst.put(base + r * stride + part * hidden, src, r * hidden, hidden);
        }
    }

    /** {@code dst} = part {@code part} of the bias, repeated for {@code rows} rows. */
    private void tile(FloatBuffer bias, int part, float[] dst, int rows) {
        bias.get(part * hidden, dst, 0, hidden);
        for (int r = 1; r < rows; r++) {
            System.arraycopy(dst, 0, dst, r * hidden, hidden);
        }
    }

    private static void add(float[] x, float[] y, float[] z, int n) {
        for (int k = 0; k < n; k++) {
            x[k] = x[k] + y[k] + z[k];
        }
    }

    private static void sigmoidInPlace(float[] x, int n) {
        for (int k = 0; k < n; k++) {
            x[k] = Activations.sigmoidFloat(x[k]);
        }
    }

    private static void tanhInPlace(float[] x, int n) {
        for (int k = 0; k < n; k++) {
            x[k] = Activations.tanhFloat(x[k]);
        }
    }

    /** A vanilla RNN step: {@code h = act(h + proj + bias)} in place, for {@code rows} rows. */
    void simpleRnn(FloatBuffer hs, int out, FloatBuffer proj, int in, FloatBuffer biasBuf, int rows, boolean relu) {
        int n = rows * hidden;
        float[][] s = scratch(3, n);
        float[] h = s[0];
        float[] p = s[1];
        float[] b = s[2];
        hs.get(out, h, 0, n);
        proj.get(in, p, 0, n);
        tile(biasBuf, 0, b, rows);
        add(h, p, b, n);
        if (relu) {
            for (int k = 0; k < n; k++) {
                h[k] = Math.max(0f, h[k]);
            }
        } else {
            tanhInPlace(h, n);
        }
        hs.put(out, h, 0, n);
    }

    /** The vanilla RNN's dL/d(pre-activation) from dL/dh and h, for {@code n} values. */
    void simpleRnnGradient(FloatBuffer hs, int hOff, FloatBuffer dh, FloatBuffer dProj, int dOff, int n, boolean relu) {
        float[][] s = scratch(2, n);
        float[] h = s[0];
        float[] d = s[1];
        hs.get(hOff, h, 0, n);
        dh.get(0, d, 0, n);
        if (relu) {
            for (int k = 0; k < n; k++) {
                d[k] = h[k] > 0f ? d[k] : 0f;
            }
        } else {
            for (int k = 0; k < n; k++) {
                d[k] = d[k] * (1f - h[k] * h[k]);
            }
        }
        dProj.put(dOff, d, 0, n);
    }

    /** An LSTM step's gates and state for {@code rows} rows, as {@code VectorGates.sigmoid/tanh/lstmState}. */
    void lstmForward(FloatBuffer gates, FloatBuffer proj, FloatBuffer biasBuf, FloatBuffer cs, FloatBuffer tanhC,
                     FloatBuffer hs, int z, int prev, int next, int tc, int rows) {
        int n = rows * hidden;
        float[][] s = scratch(9, n);
        float[] p = s[4];
        float[] b = s[5];
        for (int g = 0; g < 4; g++) {
            gather(gates, z, width, g, s[g], rows);
            gather(proj, z, width, g, p, rows);
            tile(biasBuf, g, b, rows);
            add(s[g], p, b, n);
            if (g == 2) {
                tanhInPlace(s[g], n);
            } else {
                sigmoidInPlace(s[g], n);
            }
            scatter(s[g], gates, z, width, g, rows);
        }
        float[] i = s[0];
        float[] f = s[1];
        float[] gg = s[2];
        float[] o = s[3];
        float[] c = s[6];
        float[] t = s[7];
        float[] h = s[8];
        cs.get(prev, c, 0, n);
        for (int k = 0; k < n; k++) {
            c[k] = f[k] * c[k] + i[k] * gg[k];
        }
        System.arraycopy(c, 0, t, 0, n);
        tanhInPlace(t, n);
        for (int k = 0; k < n; k++) {
            h[k] = o[k] * t[k];
        }
        cs.put(next, c, 0, n);
        tanhC.put(tc, t, 0, n);
        hs.put(next, h, 0, n);
    }

    /** An LSTM step's gate gradients and dL/dc_{t-1} for {@code rows} rows, as {@code VectorGates.lstmGradients}. */
    void lstmBackward(FloatBuffer gates, FloatBuffer tanhC, FloatBuffer cs, FloatBuffer dh, FloatBuffer dc,
                      FloatBuffer dProj, FloatBuffer dcPrev, int z, int prev, int tc, int rows) {
        int n = rows * hidden;
        float[][] s = scratch(10, n);
        float[] i = s[0];
        float[] f = s[1];
        float[] g = s[2];
        float[] o = s[3];
        float[] t = s[4];
        float[] c = s[5];
        float[] d = s[6];
        float[] e = s[7];
        float[] x = s[8];
        float[] y = s[9];
        for (int part = 0; part < 4; part++) {
            gather(gates, z, width, part, s[part], rows);
        }
        tanhC.get(tc, t, 0, n);
        cs.get(prev, c, 0, n);
        dh.get(0, d, 0, n);
        dc.get(0, e, 0, n);
        for (int k = 0; k < n; k++) {
            e[k] = e[k] + d[k] * o[k] * (1f - t[k] * t[k]);      // dL/dc_t in all
        }
        for (int k = 0; k < n; k++) {
            x[k] = e[k] * g[k] * i[k] * (1f - i[k]);
        }
        scatter(x, dProj, z, width, 0, rows);
        for (int k = 0; k < n; k++) {
            x[k] = e[k] * c[k] * f[k] * (1f - f[k]);
        }
        scatter(x, dProj, z, width, 1, rows);
        for (int k = 0; k < n; k++) {
            x[k] = e[k] * i[k] * (1f - g[k] * g[k]);
        }
        scatter(x, dProj, z, width, 2, rows);
        for (int k = 0; k < n; k++) {
            x[k] = d[k] * t[k] * o[k] * (1f - o[k]);
        }
        scatter(x, dProj, z, width, 3, rows);
        for (int k = 0; k < n; k++) {
            y[k] = e[k] * f[k];
        }
        dcPrev.put(0, y, 0, n);
    }

    /** A GRU step's gates, candidate and state for {@code rows} rows, as {@code VectorGates.sigmoid/gruState}. */
    void gruForward(FloatBuffer proj, FloatBuffer biasBuf, FloatBuffer rec, FloatBuffer bhn, FloatBuffer gates,
                    FloatBuffer hn, FloatBuffer hs, int prev, int next, int z, int hnOff, int rows) {
        int n = rows * hidden;
        float[][] s = scratch(7, n);
        float[] p = s[0];
        float[] q = s[1];
        float[] b = s[2];
        float[] r = s[3];
        float[] u = s[4];
        float[] hp = s[5];
        float[] h = s[6];
        for (int g = 0; g < 2; g++) {
            float[] a = g == 0 ? r : u;
            gather(proj, z, width, g, a, rows);
            gather(rec, 0, width, g, q, rows);
            tile(biasBuf, g, b, rows);
            add(a, q, b, n);
            sigmoidInPlace(a, n);
            scatter(a, gates, z, width, g, rows);
        }
        // n = tanh(proj_n + b_n + r (rec_n + bhn)); q becomes rec_n + bhn, p the candidate
        gather(rec, 0, width, 2, q, rows);
        tile(bhn, 0, b, rows);
        for (int k = 0; k < n; k++) {
            q[k] = q[k] + b[k];
        }
        hn.put(hnOff, q, 0, n);
        gather(proj, z, width, 2, p, rows);
        tile(biasBuf, 2, b, rows);
        for (int k = 0; k < n; k++) {
            p[k] = p[k] + b[k] + r[k] * q[k];
        }
        tanhInPlace(p, n);
        scatter(p, gates, z, width, 2, rows);
        hs.get(prev, hp, 0, n);
        for (int k = 0; k < n; k++) {
            h[k] = p[k] + u[k] * (hp[k] - p[k]);
        }
        hs.put(next, h, 0, n);
    }

    /** A GRU step's gate gradients for {@code rows} rows, as {@code VectorGates.gruGradients}. */
    void gruBackward(FloatBuffer gates, FloatBuffer hn, FloatBuffer hs, FloatBuffer dh, FloatBuffer dProj,
                     FloatBuffer dRec, FloatBuffer dhPrev, int prev, int z, int hnOff, int rows) {
        int n = rows * hidden;
        float[][] s = scratch(8, n);
        float[] r = s[0];
        float[] u = s[1];
        float[] c = s[2];
        float[] q = s[3];
        float[] hp = s[4];
        float[] d = s[5];
        float[] dn = s[6];
        float[] x = s[7];
        for (int part = 0; part < 3; part++) {
            gather(gates, z, width, part, s[part], rows);
        }
        hn.get(hnOff, q, 0, n);
        hs.get(prev, hp, 0, n);
        dh.get(0, d, 0, n);
        for (int k = 0; k < n; k++) {
            dn[k] = d[k] * (1f - u[k]) * (1f - c[k] * c[k]);
        }
        scatter(dn, dProj, z, width, 2, rows);
        for (int k = 0; k < n; k++) {
            x[k] = dn[k] * r[k];
        }
        scatter(x, dRec, z, width, 2, rows);
        for (int k = 0; k < n; k++) {
            x[k] = d[k] * (hp[k] - c[k]) * u[k] * (1f - u[k]);
        }
        scatter(x, dProj, z, width, 1, rows);
        scatter(x, dRec, z, width, 1, rows);
        for (int k = 0; k < n; k++) {
            x[k] = dn[k] * q[k] * r[k] * (1f - r[k]);
        }
        scatter(x, dProj, z, width, 0, rows);
        scatter(x, dRec, z, width, 0, rows);
        for (int k = 0; k < n; k++) {
            x[k] = d[k] * u[k];
        }
        dhPrev.put(0, x, 0, n);
    }

    /**
     * {@code proj[r] = sum_j x[r][j] w[j]} for {@code rows} rows of {@code nIn} inputs, as
     * {@code VectorGates.project}: the input projection of few inputs over heap arrays.
     */
    static void project(FloatBuffer x, FloatBuffer w, FloatBuffer proj, int rows, int nIn, int width) {
        float[] weights = new float[nIn * width];
        w.get(0, weights, 0, weights.length);
        float[] in = new float[nIn];
        float[] out = new float[width];
        for (int r = 0; r < rows; r++) {
            x.get(r * nIn, in, 0, nIn);
            float x0 = in[0];
            for (int k = 0; k < width; k++) {
                out[k] = x0 * weights[k];
            }
            for (int j = 1; j < nIn; j++) {
                float xj = in[j];
                int o = j * width;
                for (int k = 0; k < width; k++) {
                    out[k] += xj * weights[o + k];
                }
            }
            proj.put(r * width, out, 0, width);
        }
    }

    /**
     * The input side of the backward pass for few inputs, in one pass over {@code dProj}'s rows
     * instead of a matrix product per input: {@code dW = xᵀ dProj} ({@code nIn × width}),
     * {@code dx = dProj Wᵀ} ({@code rows × nIn}) and {@code db} = the column sums of
     * {@code dProj} over rows {@code sumFrom ≤ r < rows}. OpenBLAS spent 0.36 ms of a 2.4 ms
     * training step (GRU, hidden 32, 5 inputs, batch 32 × 10 steps) in the 12 thin products this
     * replaces.
     */
    static void thinBackward(FloatBuffer dProj, FloatBuffer x, FloatBuffer w, int rows, int nIn, int width, int sumFrom,
                             FloatBuffer dW, FloatBuffer dx, FloatBuffer db) {
        float[] weights = new float[nIn * width];
        w.get(0, weights, 0, weights.length);
        float[] gw = new float[nIn * width];
        float[] gb = new float[width];
        float[] row = new float[width];
        float[] in = new float[nIn];
        float[] out = new float[nIn];
        for (int r = 0; r < rows; r++) {
            dProj.get(r * width, row, 0, width);
            x.get(r * nIn, in, 0, nIn);
            for (int j = 0; j < nIn; j++) {
                float xj = in[j];
                int o = j * width;
                float dot = 0;
                for (int k = 0; k < width; k++) {
                    gw[o + k] += xj * row[k];
                    dot += row[k] * weights[o + k];
                }
                out[j] = dot;
            }
            dx.put(r * nIn, out, 0, nIn);
            if (r >= sumFrom) {
                for (int k = 0; k < width; k++) {
                    gb[k] += row[k];
                }
            }
        }
        dW.put(0, gw, 0, gw.length);
        db.put(0, gb, 0, width);
    }

    /**
     * {@code into[i] += from[offset + i]} for {@code i < n}, over heap arrays in blocks.
     *
     * @param a scratch, reused by the caller from one time step to the next
     * @param b scratch of {@code a}'s length
     */
    static void addInto(FloatBuffer into, FloatBuffer from, int offset, int n, float[] a, float[] b) {
        int block = a.length;
        for (int start = 0; start < n; start += block) {
            int len = Math.min(block, n - start);
            into.get(start, a, 0, len);
            from.get(offset + start, b, 0, len);
            for (int i = 0; i < len; i++) {
                a[i] += b[i];
            }
            into.put(start, a, 0, len);
        }
    }
}
