package io.github.rnnkit.core.layers;

import java.util.stream.IntStream;

/**
 * minGRU and minLSTM (Feng et al. 2024, "Were RNNs All We Needed?"), the forward and backward pass
 * of one layer over a whole minibatch of sequences, in double precision. Their gates read the
 * input only, never h_{t−1}:
 * <pre>
 *   minGRU:   z_t = σ(x_t W_z + b_z),  h̃_t = x_t W_h + b_h
 *             h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
 *   minLSTM:  f_t = σ(x_t W_f + b_f),  i_t = σ(x_t W_i + b_i),  h̃_t = x_t W_h + b_h
 *             f'_t = f_t / (f_t + i_t),  i'_t = i_t / (f_t + i_t)
 *             h_t = f'_t ⊙ h_{t−1} + i'_t ⊙ h̃_t
 * </pre>
 * so each layer is the linear recurrence of {@link LinearScan}, h_t = a_t ⊙ h_{t−1} + b_t. The
 * gates are computed inside the scan rather than stored first and scanned after: the bare scan is
 * bound by memory bandwidth (no faster on 2 cores than on 1 here), while gates computed in the same
 * pass make it bound by arithmetic, which splits across cores (measured 1.8x on 2 cores for a
 * minGRU training step at 10,000 steps, batch 32, hidden 128). In the forward pass workers split
 * the channels (one channel is one hidden unit of one example) and run them step by step; in the
 * backward pass they split the examples and each sums its own weight gradients.
 *
 * <p>Layouts: x is time-major {@code [T][mb][in]} (element {@code (t*mb + e)*in + i}), states are
 * {@code [T][mb][H]} (element {@code (t*mb + e)*H + k}), each W is {@code [in][H]} (element
 * {@code i*H + k}). Projections are in the order the equations name them: z, h̃ for minGRU and
 * f, i, h̃ for minLSTM.
 */
public final class MinRnnMath {
    /** Below this many channel-steps a pass runs on the calling thread alone. */
    static final int SMALL = 1 << 14;

    private MinRnnMath() {
    }

    /** Which cell. */
    public enum Kind {
        /** minGRU: projections z, h̃. */
        MIN_GRU(2),
        /** minLSTM: projections f, i, h̃. */
        MIN_LSTM(3);

        private final int projections;

        Kind(int projections) {
            this.projections = projections;
        }

        /** @return the input projections the cell has */
        public int projections() {
            return projections;
        }
    }

    /**
     * The layer's parameters.
     *
     * @param kind   minGRU or minLSTM
     * @param w      one {@code in * H} matrix per projection
     * @param b      one {@code H} bias per projection
     * @param in     input features
     * @param hidden H
     */
    public record Params(Kind kind, double[][] w, double[][] b, int in, int hidden) {
        /**
         * Checks the shapes.
         *
         * @param kind minGRU or minLSTM
         * @param w one matrix per projection
         * @param b one bias per projection
         * @param in input features
         * @param hidden H
         */
        public Params {
            boolean ok = in >= 1 && hidden >= 1 && w.length == kind.projections() && b.length == kind.projections();
            for (int g = 0; ok && g < w.length; g++) {
                ok = w[g].length == in * hidden && b[g].length == hidden;
            }
            if (!ok) {
                throw new IllegalArgumentException(kind + " needs " + kind.projections() + " projections of " + in + " x " + hidden
                        + " weights and " + hidden + " biases");
            }
        }
    }

    /**
     * What the forward pass computed, kept for the backward pass.
     *
     * @param h     h_t, {@code [T][mb][H]}
     * @param gates the projections after their activations (σ for gates, none for h̃), one array
     *              of the states' shape per projection
     */
    public record Forward(double[] h, double[][] gates) {
    }

    /**
     * Gradients, summed over the minibatch.
     *
     * @param w  ∂L/∂W, one per projection
     * @param b  ∂L/∂b, one per projection
     * @param x  ∂L/∂x, the layout of x
     * @param h0 ∂L/∂h_0, {@code [mb][H]}
     */
    public record Gradients(double[][] w, double[][] b, double[] x, double[] h0) {
    }

    /**
     * The forward pass without a mask.
     *
     * @param p       the parameters
     * @param x       inputs, {@code [T][mb][in]}
     * @param h0      the state before step 0, {@code [mb][H]}
     * @param steps   T
     * @param mb      examples
     * @param workers threads the channels are split among (1 = this thread)
     * @return h and the activated projections of every step
     */
    public static Forward forward(Params p, double[] x, double[] h0, int steps, int mb, int workers) {
        return forward(p, x, h0, null, steps, mb, workers);
    }

    /**
     * The forward pass. A step whose mask is 0 keeps the state: with mask m,
     * h_t = m (a_t ⊙ h_{t−1} + b_t) + (1 − m) h_{t−1}.
     *
     * <p>With at least {@value LinearScan#CHANNELS_PER_WORKER} channels per worker the workers split
     * the channels and compute the gates inside the scan. With fewer (one long sequence of a narrow
     * layer, as when forecasting) they compute every step's a_t and b_t in parallel over time and
     * then split the steps among them in {@link LinearScan}'s blocked scan.
     *
     * @param p       the parameters
     * @param x       inputs, {@code [T][mb][in]}
     * @param h0      the state before step 0, {@code [mb][H]}
     * @param mask    per example and step {@code [mb][T]} (element {@code e*T + t}), 1 for a real step and 0 for
     *                padding; null for all real
     * @param steps   T
     * @param mb      examples
     * @param workers threads the work is split among (1 = this thread)
     * @return h and the activated projections of every step
     */
    public static Forward forward(Params p, double[] x, double[] h0, double[] mask, int steps, int mb, int workers) {
        int hid = p.hidden();
        int width = mb * hid;
        int n = p.kind().projections();
        if (steps < 1 || mb < 1 || workers < 1 || x.length != (long) steps * mb * p.in() || h0.length != width
                || (mask != null && mask.length != (long) mb * steps)) {
            throw new IllegalArgumentException(p.kind() + " input: " + x.length + " values of x, " + h0.length + " of h0 and "
                    + (mask == null ? "no" : mask.length + " values of the") + " mask for " + steps + " steps of " + mb
                    + " examples, " + p.in() + " inputs and " + hid + " units, " + workers + " workers");
        }
        double[][] gates = new double[n][steps * width];
        if ((long) steps * width < SMALL) {
            workers = 1;   // a streaming step: handing it to other threads costs more than it
        }
        if (workers > 1 && width < LinearScan.CHANNELS_PER_WORKER * workers && steps >= 2 * workers) {
            return forwardOverTime(p, x, h0, mask, steps, mb, workers, gates);
        }
        double[] h = new double[steps * width];
        int w = Math.min(workers, width);
        IntStream.range(0, w).parallel().forEach(part -> {
            int from = (int) ((long) width * part / w);
            int to = (int) ((long) width * (part + 1) / w);
            double[] pre = new double[n];
            double[] ab = new double[2];
            for (int t = 0; t < steps; t++) {
                for (int c = from; c < to; c++) {
                    int e = c / hid;
                    int o = t * width + c;
                    coefficients(p, x, (t * mb + e) * p.in(), c - e * hid, pre, gates, o, ab);
                    double before = t == 0 ? h0[c] : h[o - width];
                    double next = ab[0] * before + ab[1];
                    double m = mask == null ? 1.0 : mask[e * steps + t];
                    h[o] = m == 1.0 ? next : m * next + (1 - m) * before;
                }
            }
        });
        return new Forward(h, gates);
    }

    /** The forward pass of narrow layers: a_t, b_t of all steps in parallel, then the blocked scan over time. */
    private static Forward forwardOverTime(Params p, double[] x, double[] h0, double[] mask, int steps, int mb, int workers,
                                           double[][] gates) {
        int hid = p.hidden();
        int width = mb * hid;
        double[] a = new double[steps * width];
        double[] b = new double[steps * width];
        IntStream.range(0, workers).parallel().forEach(part -> {
            int t0 = (int) ((long) steps * part / workers);
            int t1 = (int) ((long) steps * (part + 1) / workers);
            double[] pre = new double[p.kind().projections()];
            double[] ab = new double[2];
            for (int t = t0; t < t1; t++) {
                for (int c = 0; c < width; c++) {
                    int e = c / hid;
                    int o = t * width + c;
                    coefficients(p, x, (t * mb + e) * p.in(), c - e * hid, pre, gates, o, ab);
                    double m = mask == null ? 1.0 : mask[e * steps + t];
                    a[o] = m * ab[0] + (1 - m);
                    b[o] = m * ab[1];
                }
            }
        });
        return new Forward(LinearScan.forward(a, b, h0, steps, width, workers), gates);
    }

    /**
     * Computes the projections of channel (example, unit k) at one step, stores them activated in
     * {@code gates} at {@code o}, and writes the step's a_t and b_t into {@code ab}.
     */
    private static void coefficients(Params p, double[] x, int xo, int k, double[] pre, double[][] gates, int o,
                                     double[] ab) {
        project(p, x, xo, k, pre);
        int n = pre.length;
        double candidate = pre[n - 1];
        gates[n - 1][o] = candidate;
        if (p.kind() == Kind.MIN_GRU) {
            double z = Activations.sigmoid(pre[0]);
            gates[0][o] = z;
            ab[0] = 1 - z;
            ab[1] = z * candidate;
        } else {
            double f = Activations.sigmoid(pre[0]);
            double i = Activations.sigmoid(pre[1]);
            gates[0][o] = f;
            gates[1][o] = i;
            ab[0] = f / (f + i);
            ab[1] = i * candidate / (f + i);
        }
    }

    /** Writes x_t W_g + b_g at unit k for every projection g into {@code pre}. */
    private static void project(Params p, double[] x, int xo, int k, double[] pre) {
        int hid = p.hidden();
        for (int g = 0; g < pre.length; g++) {
            double s = p.b()[g][k];
            double[] wg = p.w()[g];
            for (int i = 0; i < p.in(); i++) {
                s += x[xo + i] * wg[i * hid + k];
            }
            pre[g] = s;
        }
    }

    /**
     * The backward pass of {@link #forward} without a mask, through every step.
     *
     * @param p       the parameters
     * @param x       the inputs given to forward
     * @param h0      the initial state given to forward
     * @param f       what forward returned
     * @param dh      ∂L/∂h_t, {@code [T][mb][H]}
     * @param steps   T
     * @param mb      examples
     * @param workers threads the examples are split among
     * @return the gradients of the parameters, the inputs and the initial state
     */
    public static Gradients backward(Params p, double[] x, double[] h0, Forward f, double[] dh, int steps, int mb, int workers) {
        return backward(p, x, h0, null, f, dh, 0, steps, mb, workers);
    }

    /**
     * The backward pass of {@link #forward}: δ_t = m_t ∂L/∂h_t + a'_{t+1} ⊙ δ_{t+1} with
     * a'_t = m_t a_t + 1 − m_t, run from the last step back to step {@code first}. Steps before
     * {@code first} get no gradient and the state entering step {@code first} is held fixed, as
     * truncated BPTT's k2 needs; ∂L/∂h_0 is then the gradient of that state. The workers split the
     * examples, so a minibatch of one runs on one core.
     *
     * @param p       the parameters
     * @param x       the inputs given to forward
     * @param h0      the initial state given to forward
     * @param mask    the mask given to forward, or null
     * @param f       what forward returned
     * @param dh      ∂L/∂h_t, {@code [T][mb][H]}, for the states forward returned (before masking)
     * @param first   the first step to run back through (0 for all)
     * @param steps   T
     * @param mb      examples
     * @param workers threads the examples are split among
     * @return the gradients of the parameters, the inputs (zero before {@code first}) and the
     *         state entering step {@code first}
     */
    public static Gradients backward(Params p, double[] x, double[] h0, double[] mask, Forward f, double[] dh, int first,
                                     int steps, int mb, int workers) {
        int hid = p.hidden();
        int in = p.in();
        int width = mb * hid;
        int n = p.kind().projections();
        if (dh.length != f.h().length || first < 0 || first >= steps) {
            throw new IllegalArgumentException("∂L/∂h has " + dh.length + " values, h has " + f.h().length
                    + "; first step " + first + " of " + steps);
        }
        double[] dx = new double[x.length];
        double[] dh0 = new double[width];
        int w = (long) steps * width < SMALL ? 1 : Math.min(workers, mb);
        double[][][] partial = new double[w][][];   // per worker: n weight gradients, then n bias gradients
        IntStream.range(0, w).parallel().forEach(part -> {
            int e0 = (int) ((long) mb * part / w);
            int e1 = (int) ((long) mb * (part + 1) / w);
            double[][] sums = new double[2 * n][];
            for (int g = 0; g < n; g++) {
                sums[g] = new double[in * hid];
                sums[n + g] = new double[hid];
            }
            double[] carried = new double[(e1 - e0) * hid];   // a_{t+1} ⊙ δ_{t+1}, per channel
            double[] dPre = new double[n];
            double[][] weights = p.w();
            double[][] gates = f.gates();
            double[] hs = f.h();
            boolean gru = p.kind() == Kind.MIN_GRU;
            double[] dxRow = new double[in];   // one example's ∂L/∂x_t, summed over units before it is stored
            for (int t = steps - 1; t >= first; t--) {
                for (int e = e0; e < e1; e++) {
                    int xo = (t * mb + e) * in;
                    double m = mask == null ? 1.0 : mask[e * steps + t];
                    java.util.Arrays.fill(dxRow, 0);
                    for (int k = 0; k < hid; k++) {
                        int c = e * hid + k;
                        int o = t * width + c;
                        int local = (e - e0) * hid + k;
                        double total = m * dh[o] + carried[local];   // δ_t = m ∂L/∂h_t + a'_{t+1} ⊙ δ_{t+1}
                        double d = m * total;                         // what reaches this step's gates
                        double before = t == 0 ? h0[c] : hs[o - width];
                        double candidate = gates[n - 1][o];
                        double a;
                        if (gru) {
                            double z = gates[0][o];
                            dPre[0] = d * (candidate - before) * z * (1 - z);
                            dPre[1] = d * z;
                            a = 1 - z;
                        } else {
                            double fg = gates[0][o];
                            double ig = gates[1][o];
                            double s = fg + ig;
                            // f' = f/(f+i), i' = i/(f+i): ∂f'/∂f = i/s², ∂f'/∂i = −f/s², and i' = 1 − f'
                            double dfPrime = d * (before - candidate);
                            dPre[0] = dfPrime * ig / (s * s) * fg * (1 - fg);
                            dPre[1] = -dfPrime * fg / (s * s) * ig * (1 - ig);
                            dPre[2] = d * ig / s;
                            a = fg / s;
                        }
                        carried[local] = d * a + (1 - m) * total;
                        for (int g = 0; g < n; g++) {
                            double v = dPre[g];
                            double[] dw = sums[g];
                            double[] wg = weights[g];
                            sums[n + g][k] += v;
                            for (int i = 0; i < in; i++) {
                                dw[i * hid + k] += x[xo + i] * v;
                                dxRow[i] += v * wg[i * hid + k];
                            }
                        }
                        if (t == first) {
                            dh0[c] = carried[local];
                        }
                    }
                    System.arraycopy(dxRow, 0, dx, xo, in);
                }
            }
            partial[part] = sums;
        });
        double[][] total = partial[0];
        for (int part = 1; part < w; part++) {
            for (int j = 0; j < total.length; j++) {
                for (int i = 0; i < total[j].length; i++) {
                    total[j][i] += partial[part][j][i];
                }
            }
        }
        double[][] dw = new double[n][];
        double[][] db = new double[n][];
        for (int g = 0; g < n; g++) {
            dw[g] = total[g];
            db[g] = total[n + g];
        }
        return new Gradients(dw, db, dx, dh0);
    }
}
