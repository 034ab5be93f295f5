package io.github.rnnkit.core.layers;

import java.util.stream.IntStream;

/**
 * minGRU (Feng et al. 2024, "Were RNNs All We Needed?"), the forward and backward pass of one layer
 * over a whole minibatch of sequences, in double precision:
 * <pre>
 *   z_t = σ(x_t W_z + b_z)          (the update gate reads the input only, not h_{t−1})
 *   h̃_t = x_t W_h + b_h             (the candidate, linear as in the paper)
 *   h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
 * </pre>
 * Because z_t and h̃_t do not depend on h_{t−1}, this is the linear recurrence of
 * {@link LinearScan} with a_t = 1 − z_t and b_t = z_t ⊙ h̃_t. The gates are computed inside the
 * scan rather than stored first and scanned after: the bare scan is bound by memory bandwidth (no
 * faster on 2 cores than on 1 here), while gates computed in the same pass make it bound by
 * arithmetic, which splits across cores (measured 1.9x on 2 cores at 10,000 steps, batch 32,
 * hidden 128). Workers split the channels (one channel is one hidden unit of one example); each
 * runs its channels step by step.
 *
 * <p>Layouts: x is time-major {@code [T][mb][in]} (element {@code (t*mb + e)*in + i}), states are
 * {@code [T][mb][H]} (element {@code (t*mb + e)*H + k}), W is {@code [in][H]} (element {@code i*H + k}).
 */
public final class MinGruMath {
    private MinGruMath() {
    }

    /**
     * The layer's parameters.
     *
     * @param wz W_z, {@code in * H}
     * @param bz b_z, {@code H}
     * @param wh W_h, {@code in * H}
     * @param bh b_h, {@code H}
     * @param in input features
     * @param hidden H
     */
    public record Params(double[] wz, double[] bz, double[] wh, double[] bh, int in, int hidden) {
        /**
         * Checks the shapes.
         *
         * @param wz W_z
         * @param bz b_z
         * @param wh W_h
         * @param bh b_h
         * @param in input features
         * @param hidden H
         */
        public Params {
            if (in < 1 || hidden < 1 || wz.length != in * hidden || wh.length != in * hidden || bz.length != hidden
                    || bh.length != hidden) {
                throw new IllegalArgumentException("minGRU parameters: W_z " + wz.length + ", W_h " + wh.length + ", b_z " + bz.length
                        + ", b_h " + bh.length + " values for " + in + " inputs and " + hidden + " units");
            }
        }
    }

    /**
     * What the forward pass computed, kept for the backward pass.
     *
     * @param h      h_t, {@code [T][mb][H]}
     * @param z      z_t, the same shape
     * @param hTilde h̃_t, the same shape
     */
    public record Forward(double[] h, double[] z, double[] hTilde) {
    }

    /**
     * Gradients, summed over the minibatch.
     *
     * @param wz ∂L/∂W_z
     * @param bz ∂L/∂b_z
     * @param wh ∂L/∂W_h
     * @param bh ∂L/∂b_h
     * @param x  ∂L/∂x, the layout of x
     * @param h0 ∂L/∂h_0, {@code [mb][H]}
     */
    public record Gradients(double[] wz, double[] bz, double[] wh, double[] bh, double[] x, double[] h0) {
    }

    /**
     * @param p       the parameters
     * @param x       inputs, {@code [T][mb][in]}
     * @param h0      the state before step 0, {@code [mb][H]}
     * @param steps   T
     * @param mb      examples
     * @param workers threads the channels are split among (1 = this thread)
     * @return h, z and h̃ of every step
     */
    public static Forward forward(Params p, double[] x, double[] h0, int steps, int mb, int workers) {
        int hid = p.hidden();
        int width = mb * hid;
        if (steps < 1 || mb < 1 || workers < 1 || x.length != (long) steps * mb * p.in() || h0.length != width) {
            throw new IllegalArgumentException("minGRU input: " + x.length + " values of x and " + h0.length + " of h0 for " + steps
                    + " steps of " + mb + " examples, " + p.in() + " inputs and " + hid + " units, " + workers + " workers");
        }
        double[] h = new double[steps * width];
        double[] z = new double[steps * width];
        double[] ht = new double[steps * width];
        int w = Math.min(workers, width);
        IntStream.range(0, w).parallel().forEach(part -> {
            int from = (int) ((long) width * part / w);
            int to = (int) ((long) width * (part + 1) / w);
            for (int t = 0; t < steps; t++) {
                for (int c = from; c < to; c++) {
                    int e = c / hid;
                    int k = c - e * hid;
                    int xo = (t * mb + e) * p.in();
                    double az = p.bz()[k];
                    double ah = p.bh()[k];
                    for (int i = 0; i < p.in(); i++) {
                        az += x[xo + i] * p.wz()[i * hid + k];
                        ah += x[xo + i] * p.wh()[i * hid + k];
                    }
                    int o = t * width + c;
                    double g = Activations.sigmoid(az);
                    double before = t == 0 ? h0[c] : h[o - width];
                    z[o] = g;
                    ht[o] = ah;
                    h[o] = (1 - g) * before + g * ah;
                }
            }
        });
        return new Forward(h, z, ht);
    }

    /**
     * The backward pass of {@link #forward}.
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
        int hid = p.hidden();
        int in = p.in();
        int width = mb * hid;
        if (dh.length != f.h().length) {
            throw new IllegalArgumentException("∂L/∂h has " + dh.length + " values, h has " + f.h().length);
        }
        double[] dx = new double[x.length];
        double[] dh0 = new double[width];
        int w = Math.min(workers, mb);
        // Each worker takes whole examples, so that it can sum its own weight gradients; they are added at the end.
        double[][][] partial = new double[w][4][];
        IntStream.range(0, w).parallel().forEach(part -> {
            int e0 = (int) ((long) mb * part / w);
            int e1 = (int) ((long) mb * (part + 1) / w);
            double[] dwz = new double[in * hid];
            double[] dbz = new double[hid];
            double[] dwh = new double[in * hid];
            double[] dbh = new double[hid];
            double[] delta = new double[(e1 - e0) * hid];   // δ_{t+1} ⊙ a_{t+1} carried back, per channel
            for (int t = steps - 1; t >= 0; t--) {
                for (int e = e0; e < e1; e++) {
                    int xo = (t * mb + e) * in;
                    for (int k = 0; k < hid; k++) {
                        int c = e * hid + k;
                        int o = t * width + c;
                        int local = (e - e0) * hid + k;
                        double d = dh[o] + delta[local];           // δ_t = ∂L/∂h_t + a_{t+1} ⊙ δ_{t+1}
                        double g = f.z()[o];
                        double before = t == 0 ? h0[c] : f.h()[o - width];
                        double dPreZ = d * (f.hTilde()[o] - before) * g * (1 - g);
                        double dPreH = d * g;
                        delta[local] = d * (1 - g);                // what step t−1 receives through a_t = 1 − z_t
                        dbz[k] += dPreZ;
                        dbh[k] += dPreH;
                        for (int i = 0; i < in; i++) {
                            dwz[i * hid + k] += x[xo + i] * dPreZ;
                            dwh[i * hid + k] += x[xo + i] * dPreH;
                            dx[xo + i] += dPreZ * p.wz()[i * hid + k] + dPreH * p.wh()[i * hid + k];
                        }
                        if (t == 0) {
                            dh0[c] = delta[local];
                        }
                    }
                }
            }
            partial[part] = new double[][]{dwz, dbz, dwh, dbh};
        });
        double[][] sum = partial[0];
        for (int part = 1; part < w; part++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < sum[j].length; i++) {
                    sum[j][i] += partial[part][j][i];
                }
            }
        }
        return new Gradients(sum[0], sum[1], sum[2], sum[3], dx, dh0);
    }
}
