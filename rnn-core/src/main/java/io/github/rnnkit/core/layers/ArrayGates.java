package io.github.rnnkit.core.layers;

import java.nio.FloatBuffer;

/**
 * The float32 gate loops of the three cells for JVMs without the Vector API module: each row is
 * copied from the direct buffers into heap arrays, computed in simple loops over those arrays,
 * and copied back. C2 vectorises such loops by itself (superword), which it does not do for loops
 * over direct buffers: measured here on an LSTM row of 128 units, 85-95 µs against 300-390 µs for
 * the same maths read and written through the buffers. The same maths as {@link VectorGates}
 * (tanh by the rational approximation of {@link Activations#tanhFloat}, sigmoid as
 * {@code (1 + tanh(x / 2)) / 2}), in float arithmetic; PrecisionAgreementTest holds it to the
 * float64 kernels.
 *
 * <p>One instance per kernel: its arrays are scratch space, so it is not thread-safe (nor are
 * DL4J layers).
 */
final class ArrayGates {
    private static final float CLAMP = 7.99881172180175781f;
    private final int hidden;
    private final int width;
    private final float[] a;
    private final float[] b;
    private final float[] bias;
    private final float[] c;
    private final float[] d;
    private final float[] e;
    private final float[] f;
    private final float[] g;

    ArrayGates(int hidden, int width) {
        this.hidden = hidden;
        this.width = width;
        this.a = new float[width];
        this.b = new float[width];
        this.bias = new float[width];
        this.c = new float[hidden];
        this.d = new float[hidden];
        this.e = new float[hidden];
        this.f = new float[hidden];
        this.g = new float[hidden];
    }

    static float tanh(float x) {
        float v = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = v * v;
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
        return v * p / q;
    }

    static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** A vanilla RNN step: {@code h = act(h + proj + bias)} in place, for {@code rows} rows. */
    void simpleRnn(FloatBuffer hs, int out, FloatBuffer proj, int in, FloatBuffer biasBuf, int rows, boolean relu) {
        biasBuf.get(0, bias, 0, hidden);
        for (int r = 0; r < rows; r++) {
            int row = r * hidden;
            hs.get(out + row, a, 0, hidden);
            proj.get(in + row, b, 0, hidden);
            if (relu) {
                for (int k = 0; k < hidden; k++) {
                    a[k] = Math.max(0f, a[k] + b[k] + bias[k]);
                }
            } else {
                for (int k = 0; k < hidden; k++) {
                    a[k] = tanh(a[k] + b[k] + bias[k]);
                }
            }
            hs.put(out + row, a, 0, hidden);
        }
    }

    /** The vanilla RNN's dL/d(pre-activation) from dL/dh and h, for {@code n} values. */
    void simpleRnnGradient(FloatBuffer hs, int h, FloatBuffer dh, FloatBuffer dProj, int dOff, int n, boolean relu) {
        for (int from = 0; from < n; from += hidden) {
            hs.get(h + from, a, 0, hidden);
            dh.get(from, b, 0, hidden);
            if (relu) {
                for (int k = 0; k < hidden; k++) {
                    a[k] = a[k] > 0f ? b[k] : 0f;
                }
            } else {
                for (int k = 0; k < hidden; k++) {
                    a[k] = b[k] * (1f - a[k] * a[k]);
                }
            }
            dProj.put(dOff + from, a, 0, hidden);
        }
    }

    /** An LSTM step's gates and state for {@code rows} rows, as {@code VectorGates.sigmoid/tanh/lstmState}. */
    void lstmForward(FloatBuffer gates, FloatBuffer proj, FloatBuffer biasBuf, FloatBuffer cs, FloatBuffer tanhC,
                     FloatBuffer hs, int z, int prev, int next, int tc, int rows) {
        int h2 = 2 * hidden;
        int h3 = 3 * hidden;
        biasBuf.get(0, bias, 0, width);
        for (int r = 0; r < rows; r++) {
            int row = z + r * width;
            int s = r * hidden;
            gates.get(row, a, 0, width);
            proj.get(row, b, 0, width);
            cs.get(prev + s, c, 0, hidden);
            for (int k = 0; k < h2; k++) {
                a[k] = sigmoid(a[k] + b[k] + bias[k]);
            }
            for (int k = h2; k < h3; k++) {
                a[k] = tanh(a[k] + b[k] + bias[k]);
            }
            for (int k = h3; k < width; k++) {
                a[k] = sigmoid(a[k] + b[k] + bias[k]);
            }
            for (int k = 0; k < hidden; k++) {
                float cell = a[hidden + k] * c[k] + a[k] * a[h2 + k];
                float t = tanh(cell);
                c[k] = cell;
                d[k] = t;
                e[k] = a[h3 + k] * t;
            }
            gates.put(row, a, 0, width);
            cs.put(next + s, c, 0, hidden);
            tanhC.put(tc + s, d, 0, hidden);
            hs.put(next + s, e, 0, hidden);
        }
    }

    /** An LSTM step's gate gradients and dL/dc_{t-1} for {@code rows} rows, as {@code VectorGates.lstmGradients}. */
    void lstmBackward(FloatBuffer gates, FloatBuffer tanhC, FloatBuffer cs, FloatBuffer dh, FloatBuffer dc,
                      FloatBuffer dProj, FloatBuffer dcPrev, int z, int prev, int tc, int rows) {
        int h2 = 2 * hidden;
        int h3 = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            int row = z + r * width;
            int s = r * hidden;
            gates.get(row, a, 0, width);
            tanhC.get(tc + s, c, 0, hidden);
            cs.get(prev + s, d, 0, hidden);
            dh.get(s, e, 0, hidden);
            dc.get(s, f, 0, hidden);
            for (int k = 0; k < hidden; k++) {
                float i = a[k];
                float fg = a[hidden + k];
                float gg = a[h2 + k];
                float o = a[h3 + k];
                float t = c[k];
                float dcTotal = f[k] + e[k] * o * (1f - t * t);
                b[k] = dcTotal * gg * i * (1f - i);
                b[hidden + k] = dcTotal * d[k] * fg * (1f - fg);
                b[h2 + k] = dcTotal * i * (1f - gg * gg);
                b[h3 + k] = e[k] * t * o * (1f - o);
                f[k] = dcTotal * fg;
            }
            dProj.put(row, b, 0, width);
            dcPrev.put(s, f, 0, hidden);
        }
    }

    /** A GRU step's gates, candidate and state for {@code rows} rows, as {@code VectorGates.sigmoid/gruState}. */
    void gruForward(FloatBuffer proj, FloatBuffer biasBuf, FloatBuffer rec, FloatBuffer bhn, FloatBuffer gates,
                    FloatBuffer hn, FloatBuffer hs, int prev, int next, int z, int hnOff, int rows) {
        int h2 = 2 * hidden;
        biasBuf.get(0, bias, 0, width);
        bhn.get(0, f, 0, hidden);
        for (int r = 0; r < rows; r++) {
            int row = z + r * width;
            int s = r * hidden;
            proj.get(row, a, 0, width);
            rec.get(r * width, b, 0, width);
            hs.get(prev + s, c, 0, hidden);
            for (int k = 0; k < h2; k++) {
                a[k] = sigmoid(a[k] + bias[k] + b[k]);
            }
            // n goes to an array of its own: a loop that wrote a[2H + k] while reading a[k] and
            // a[H + k] would not be vectorised (C2 cannot rule out the overlap).
            for (int k = 0; k < hidden; k++) {
                float hnv = b[h2 + k] + f[k];
                float n = tanh(a[h2 + k] + bias[h2 + k] + a[k] * hnv);
                g[k] = n;
                d[k] = hnv;
                e[k] = n + a[hidden + k] * (c[k] - n);
            }
            gates.put(row, a, 0, h2);
            gates.put(row + h2, g, 0, hidden);
            hn.put(hnOff + s, d, 0, hidden);
            hs.put(next + s, e, 0, hidden);
        }
    }

    /** A GRU step's gate gradients for {@code rows} rows, as {@code VectorGates.gruGradients}. */
    void gruBackward(FloatBuffer gates, FloatBuffer hn, FloatBuffer hs, FloatBuffer dh, FloatBuffer dProj,
                     FloatBuffer dRec, FloatBuffer dhPrev, int prev, int z, int hnOff, int rows) {
        int h2 = 2 * hidden;
        for (int r = 0; r < rows; r++) {
            int row = z + r * width;
            int s = r * hidden;
            gates.get(row, a, 0, width);
            hn.get(hnOff + s, c, 0, hidden);
            hs.get(prev + s, d, 0, hidden);
            dh.get(s, e, 0, hidden);
            for (int k = 0; k < hidden; k++) {
                float rg = a[k];
                float zg = a[hidden + k];
                float n = a[h2 + k];
                float dhs = e[k];
                float dn = dhs * (1f - zg) * (1f - n * n);
                float dz = dhs * (d[k] - n) * zg * (1f - zg);
                float dr = dn * c[k] * rg * (1f - rg);
                b[k] = dr;
                b[hidden + k] = dz;
                b[h2 + k] = dn;
                f[k] = dhs * zg;
                e[k] = dn * rg;
            }
            dProj.put(row, b, 0, width);
            dhPrev.put(s, f, 0, hidden);
            for (int k = 0; k < hidden; k++) {
                b[h2 + k] = e[k];
            }
            dRec.put(row, b, 0, width);
        }
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

    /** {@code into[i] += from[offset + i]} for {@code i < n}, over heap arrays in blocks. */
    static void addInto(FloatBuffer into, FloatBuffer from, int offset, int n) {
        int block = Math.min(n, 4096);
        float[] a = new float[block];
        float[] b = new float[block];
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
