package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.layers.Activations;
import io.github.rnnkit.core.layers.Dense;
import io.github.rnnkit.core.spec.CellType;

/**
 * One step of a classic cell over a minibatch, forward and back, in double precision, with the
 * equations and parameter layouts of rnnkit's recurrent layers (so that an encoder or decoder
 * layer's parameters mean what a {@code GruLayer}'s, {@code LstmLayer}'s or
 * {@code SimpleRnnLayer}'s do). With P = x W + b and R = h_{t−1} RW:
 * <pre>
 *   vanilla RNN:  h_t = tanh(P + R)   (or ReLU)
 *   LSTM:         i, f, o = σ(P + R) blocks 0, 1, 3;  g = tanh(P + R) block 2
 *                 c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t)
 *   GRU:          r, z = σ(P + R) blocks 0, 1;  n = tanh(P_n + r ⊙ (R_n + b_hn))
 *                 h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * </pre>
 * W is {@code [in][G·H]}, RW {@code [H][G·H]}, b {@code [G·H]} and b_hn {@code [H]}, all row-major
 * in flat arrays. The decoder runs one step at a time because its input at t depends on its state
 * at t − 1 (through attention, or its own previous output when decoding), which is why these are
 * per-step rather than the whole-sequence kernels of the layers.
 */
final class StepCell {
    final CellType type;
    final boolean relu;
    final int in;
    final int hid;
    final int width;
    /** tanh and σ to float32 accuracy only (float32 models), else to double precision. */
    final boolean float32;

    /**
     * @param type    SIMPLE_RNN, LSTM or GRU
     * @param relu    ReLU instead of tanh (vanilla RNN only)
     * @param in      input features
     * @param hid     H
     * @param float32 activations to float32 accuracy (faster), for a float32 model
     */
    StepCell(CellType type, boolean relu, int in, int hid, boolean float32) {
        if (type.parallelInTime()) {
            throw new IllegalArgumentException("the encoder-decoder runs rnn, lstm or gru cells, not " + type.label());
        }
        this.type = type;
        this.relu = relu;
        this.in = in;
        this.hid = hid;
        this.width = type.gates() * hid;
        this.float32 = float32;
    }


    /** @return values in W, RW, b and (GRU) b_hn together */
    long numParams() {
        return (long) in * width + (long) hid * width + width + (type == CellType.GRU ? hid : 0);
    }

    /** A cell's parameters or their gradients: W, RW, b and b_hn (null unless GRU). */
    record Weights(double[] w, double[] rw, double[] b, double[] bhn) {
        Weights zerosLike() {
            return new Weights(new double[w.length], new double[rw.length], new double[b.length],
                    bhn == null ? null : new double[bhn.length]);
        }
    }

    /** What a step computed, kept for its backward pass. */
    static final class Step {
        double[][] hPrev;
        /** x and h_{t−1} as row-major {@code [mb][in]} and {@code [mb][H]}, for the backward products. */
        double[] xFlat;
        double[] hPrevFlat;
        double[][] cPrev;
        /** Activated gates {@code [mb][G·H]}; the vanilla RNN's is h itself. */
        double[][] gates;
        /** GRU: R_n + b_hn {@code [mb][H]}. */
        double[][] hn;
        double[][] h;
        double[][] c;
        /** LSTM: tanh(c_t), for the backward pass. */
        double[][] tanhC;
    }

    /**
     * @param p     the parameters
     * @param x     inputs {@code [mb][in]}
     * @param hPrev h_{t−1} {@code [mb][H]}
     * @param cPrev c_{t−1} for LSTM, else null
     * @return the step, with h_t (and c_t)
     */
    Step forward(Weights p, double[][] x, double[][] hPrev, double[][] cPrev) {
        int mb = x.length;
        Step s = new Step();
        s.hPrev = hPrev;
        s.cPrev = cPrev;
        s.gates = new double[mb][width];
        s.h = new double[mb][hid];
        if (type == CellType.LSTM) {
            s.c = new double[mb][hid];
            s.tanhC = new double[mb][hid];
        }
        if (type == CellType.GRU) {
            s.hn = new double[mb][hid];
        }
        double[] preAll = new double[mb * width];
        double[] recAll = new double[mb * width];
        s.xFlat = Dense.flat(x);
        s.hPrevFlat = Dense.flat(hPrev);
        Dense.gemm(false, false, mb, width, in, s.xFlat, p.w(), 0, preAll);
        Dense.gemm(false, false, mb, width, hid, s.hPrevFlat, p.rw(), 0, recAll);
        Rows r = new Rows(hid, type.gates());
        for (int e = 0; e < mb; e++) {
            r.load(preAll, recAll, p.b(), e * width);
            double[] h = s.h[e];
            switch (type) {
                case SIMPLE_RNN -> simpleRow(r, h);
                case LSTM -> lstmRow(r, cPrev[e], s.c[e], s.tanhC[e], h);
                case GRU -> gruRow(r, p.bhn(), hPrev[e], s.hn[e], h);
                default -> throw new IllegalStateException(type.name());
            }
            r.store(s.gates[e], type == CellType.SIMPLE_RNN ? h : null);
        }
        return s;
    }

    /**
     * One example's gate pre-activations, each gate's block in a row of its own at offset 0: C2
     * vectorises a loop only when all its arrays share the index, and the blocks of one wide row
     * sit at different offsets. {@code p[g]} holds P + b of gate g, {@code q[g]} its R, and
     * {@code out[g]} the activated gate.
     */
    private static final class Rows {
        final double[][] p;
        final double[][] q;
        final double[][] out;
        final int hid;

        Rows(int hid, int gates) {
            this.hid = hid;
            p = new double[gates][hid];
            q = new double[gates][hid];
            out = new double[gates][hid];
        }

        void load(double[] pre, double[] rec, double[] b, int at) {
            for (int g = 0; g < p.length; g++) {
                System.arraycopy(pre, at + g * hid, p[g], 0, hid);
                System.arraycopy(rec, at + g * hid, q[g], 0, hid);
                double[] pg = p[g];
                for (int k = 0; k < hid; k++) {
                    pg[k] += b[g * hid + k];
                }
            }
        }

        /** Copies the activated gates into an example's gate row (the vanilla RNN's is h itself). */
        void store(double[] gates, double[] h) {
            if (h != null) {
                System.arraycopy(h, 0, gates, 0, hid);
                return;
            }
            for (int g = 0; g < out.length; g++) {
                System.arraycopy(out[g], 0, gates, g * hid, hid);
            }
        }
    }

    private void simpleRow(Rows r, double[] h) {
        double[] p = r.p[0];
        double[] q = r.q[0];
        boolean fast = float32;
        for (int k = 0; k < hid; k++) {
            double a = p[k] + q[k];
            h[k] = relu ? Math.max(0, a) : fast ? Activations.tanhRational(a) : Activations.tanh(a);
        }
    }

    private void lstmRow(Rows r, double[] cPrev, double[] c, double[] tanhC, double[] h) {
        double[] i = r.out[0];
        double[] f = r.out[1];
        double[] g = r.out[2];
        double[] o = r.out[3];
        boolean fast = float32;
        for (int k = 0; k < hid; k++) {
            double ik = r.p[0][k] + r.q[0][k];
            double fk = r.p[1][k] + r.q[1][k];
            double gk = r.p[2][k] + r.q[2][k];
            double ok = r.p[3][k] + r.q[3][k];
            i[k] = fast ? Activations.sigmoidRational(ik) : Activations.sigmoid(ik);
            f[k] = fast ? Activations.sigmoidRational(fk) : Activations.sigmoid(fk);
            g[k] = fast ? Activations.tanhRational(gk) : Activations.tanh(gk);
            o[k] = fast ? Activations.sigmoidRational(ok) : Activations.sigmoid(ok);
        }
        for (int k = 0; k < hid; k++) {
            c[k] = f[k] * cPrev[k] + i[k] * g[k];
        }
        for (int k = 0; k < hid; k++) {
            tanhC[k] = fast ? Activations.tanhRational(c[k]) : Activations.tanh(c[k]);
            h[k] = o[k] * tanhC[k];
        }
    }

    private void gruRow(Rows r, double[] bhn, double[] hPrev, double[] hn, double[] h) {
        double[] rg = r.out[0];
        double[] z = r.out[1];
        double[] n = r.out[2];
        double[] pr = r.p[0];
        double[] qr = r.q[0];
        double[] pz = r.p[1];
        double[] qz = r.q[1];
        double[] pn = r.p[2];
        double[] qn = r.q[2];
        boolean fast = float32;
        for (int k = 0; k < hid; k++) {
            double a = pr[k] + qr[k];
            rg[k] = fast ? Activations.sigmoidRational(a) : Activations.sigmoid(a);
        }
        for (int k = 0; k < hid; k++) {
            double a = pz[k] + qz[k];
            z[k] = fast ? Activations.sigmoidRational(a) : Activations.sigmoid(a);
        }
        for (int k = 0; k < hid; k++) {
            hn[k] = qn[k] + bhn[k];
        }
        for (int k = 0; k < hid; k++) {
            double a = pn[k] + rg[k] * hn[k];
            n[k] = fast ? Activations.tanhRational(a) : Activations.tanh(a);
        }
        for (int k = 0; k < hid; k++) {
            h[k] = (1 - z[k]) * n[k] + z[k] * hPrev[k];
        }
    }

    /**
     * The step's backward pass: adds the parameter gradients to {@code grad} and returns the
     * gradients of the step's inputs.
     *
     * @param p    the parameters given to forward
     * @param s    what forward returned
     * @param dh   ∂L/∂h_t {@code [mb][H]}
     * @param dc   ∂L/∂c_t for LSTM (may be null: zero), else ignored
     * @param grad where the parameter gradients are added
     * @return {∂L/∂x {@code [mb][in]}, ∂L/∂h_{t−1}, ∂L/∂c_{t−1} (LSTM, else null)}
     */
    double[][][] backward(Weights p, Step s, double[][] dh, double[][] dc, Weights grad) {
        int mb = dh.length;
        double[][] dx = new double[mb][in];
        double[][] dhPrev = new double[mb][hid];
        double[][] dcPrev = type == CellType.LSTM ? new double[mb][hid] : null;
        double[] dPreAll = new double[mb * width];
        double[] dRecAll = new double[mb * width];
        double[] dPre = new double[width];
        double[] dRec = new double[width];
        for (int e = 0; e < mb; e++) {
            double[] g = s.gates[e];
            switch (type) {
                case SIMPLE_RNN -> {
                    for (int k = 0; k < hid; k++) {
                        double h = g[k];
                        dPre[k] = dh[e][k] * (relu ? (h > 0 ? 1 : 0) : 1 - h * h);
                    }
                    System.arraycopy(dPre, 0, dRec, 0, width);
                }
                case LSTM -> {
                    for (int k = 0; k < hid; k++) {
                        double i = g[k];
                        double f = g[hid + k];
                        double gg = g[2 * hid + k];
                        double o = g[3 * hid + k];
                        double tc = s.tanhC[e][k];
                        double dct = (dc == null ? 0 : dc[e][k]) + dh[e][k] * o * (1 - tc * tc);
                        dPre[k] = dct * gg * i * (1 - i);
                        dPre[hid + k] = dct * s.cPrev[e][k] * f * (1 - f);
                        dPre[2 * hid + k] = dct * i * (1 - gg * gg);
                        dPre[3 * hid + k] = dh[e][k] * tc * o * (1 - o);
                        dcPrev[e][k] = dct * f;
                    }
                    System.arraycopy(dPre, 0, dRec, 0, width);
                }
                case GRU -> {
                    for (int k = 0; k < hid; k++) {
                        double r = g[k];
                        double z = g[hid + k];
                        double n = g[2 * hid + k];
                        double d = dh[e][k];
                        double dn = d * (1 - z) * (1 - n * n);
                        double dz = d * (s.hPrev[e][k] - n) * z * (1 - z);
                        double dr = dn * s.hn[e][k] * r * (1 - r);
                        dPre[k] = dr;
                        dPre[hid + k] = dz;
                        dPre[2 * hid + k] = dn;
                        dRec[k] = dr;
                        dRec[hid + k] = dz;
                        dRec[2 * hid + k] = dn * r;
                        grad.bhn()[k] += dn * r;
                        dhPrev[e][k] = d * z;
                    }
                }
                default -> throw new IllegalStateException(type.name());
            }
            for (int k = 0; k < width; k++) {
                grad.b()[k] += dPre[k];
            }
            System.arraycopy(dPre, 0, dPreAll, e * width, width);
            System.arraycopy(dRec, 0, dRecAll, e * width, width);
        }
        Dense.gemm(true, false, in, width, mb, s.xFlat, dPreAll, 1, grad.w());
        Dense.gemm(true, false, hid, width, mb, s.hPrevFlat, dRecAll, 1, grad.rw());
        double[] dxAll = new double[mb * in];
        double[] dhAll = new double[mb * hid];
        Dense.gemm(false, true, mb, in, width, dPreAll, p.w(), 0, dxAll);
        Dense.gemm(false, true, mb, hid, width, dRecAll, p.rw(), 0, dhAll);
        for (int e = 0; e < mb; e++) {
            for (int i = 0; i < in; i++) {
                dx[e][i] = dxAll[e * in + i];
            }
            for (int k = 0; k < hid; k++) {
                dhPrev[e][k] += dhAll[e * hid + k];
            }
        }
        return new double[][][]{dx, dhPrev, dcPrev};
    }
}
