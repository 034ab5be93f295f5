package io.github.rnnkit.core.layers;

import java.util.stream.IntStream;

/**
 * The linear recurrence h_t = a_t ⊙ h_{t−1} + b_t, evaluated over all steps by a blocked parallel
 * scan: the form minGRU and minLSTM (Feng et al. 2024, "Were RNNs All We Needed?") reduce a
 * recurrent layer to, because their a_t and b_t depend on x_t alone.
 *
 * <p>Arrays are time-major: element {@code t * width + k} is step t of channel k (a channel is one
 * hidden unit of one example), so each step's channels are contiguous. Channels are independent,
 * so with at least {@value #CHANNELS_PER_WORKER} of them per worker the P workers split the
 * channels and each scans step by step: no extra work. With fewer channels (a small batch of a
 * narrow layer) the steps are split instead, into P blocks:
 * <ol>
 *   <li>in parallel, each block scans from a zero state and keeps the running product of its a's
 *       (block 0 starts from h_0 and needs nothing more);</li>
 *   <li>in order, the state entering each block: c_{p+1} = h_local(end of p) + Π_p a ⊙ c_p;</li>
 *   <li>in parallel, each later block adds (Π a from its start to t) ⊙ c_p to its local states.</li>
 * </ol>
 * This is the linear-space scan in double precision; the paper's log-space scan exists for float16
 * on GPUs and is not needed here. The work is about twice the sequential scan's, spread over P
 * cores, so it only pays when the steps are many; P = 1 is the sequential scan.
 *
 * <p>The backward pass is the same recurrence run backwards:
 * δ_t = ∂L/∂h_t + a_{t+1} ⊙ δ_{t+1}, then ∂L/∂a_t = δ_t ⊙ h_{t−1}, ∂L/∂b_t = δ_t and
 * ∂L/∂h_0 = a_0 ⊙ δ_0 (h_{−1} being the initial state h_0 given to {@link #forward}).
 */
public final class LinearScan {
    private LinearScan() {
    }

    /**
     * @param a      a_t, {@code steps * width} values, time-major
     * @param b      b_t, the same shape
     * @param h0     the state before step 0, {@code width} values
     * @param steps  T, at least 1
     * @param width  channels per step, at least 1
     * @param blocks P, the number of workers (1 = sequential): they split the channels when there are
     *               enough, otherwise the steps (more blocks than steps are reduced to one per step)
     * @return h_t for t = 0..T−1, time-major
     */
    public static double[] forward(double[] a, double[] b, double[] h0, int steps, int width, int blocks) {
        check(a.length, b.length, h0.length, steps, width, blocks);
        double[] h = new double[steps * width];
        if (blocks > 1 && width >= CHANNELS_PER_WORKER * blocks) {
            // Enough independent channels: split them, not time. Each worker scans its channels step by
            // step, so there is no extra work; the blocked scan over time does about twice the work.
            int[] edge = new int[blocks + 1];
            for (int i = 0; i <= blocks; i++) {
                edge[i] = (int) ((long) width * i / blocks);
            }
            IntStream.range(0, blocks).parallel().forEach(i -> scanChannels(a, b, h0, h, steps, width, edge[i], edge[i + 1]));
            return h;
        }
        int p = Math.min(blocks, steps);
        if (p == 1) {
            scan(a, b, h0, h, null, 0, steps, width);
            return h;
        }
        int[] start = new int[p + 1];
        for (int i = 0; i <= p; i++) {
            start[i] = (int) ((long) steps * i / p);
        }
        double[] prod = new double[steps * width];
        IntStream.range(0, p).parallel().forEach(i -> scan(a, b, i == 0 ? h0 : null, h, i == 0 ? null : prod, start[i],
                start[i + 1], width));
        double[][] carry = new double[p][];
        double[] c = h0;
        for (int i = 1; i < p; i++) {
            int last = (start[i] - 1) * width;
            double[] next = new double[width];
            for (int k = 0; k < width; k++) {
                // block 0's local states already include h_0; later blocks' need their carry
                next[k] = i == 1 ? h[last + k] : h[last + k] + prod[last + k] * c[k];
            }
            carry[i] = next;
            c = next;
        }
        IntStream.range(1, p).parallel().forEach(i -> {
            double[] ci = carry[i];
            for (int t = start[i]; t < start[i + 1]; t++) {
                int row = t * width;
                for (int k = 0; k < width; k++) {
                    h[row + k] += prod[row + k] * ci[k];
                }
            }
        });
        return h;
    }

    /** Channels per worker below which the steps, not the channels, are split among the workers. */
    public static final int CHANNELS_PER_WORKER = 64;

    /** Scans channels {@code [from, to)} over every step, from h_0. */
    private static void scanChannels(double[] a, double[] b, double[] h0, double[] h, int steps, int width, int from, int to) {
        for (int t = 0; t < steps; t++) {
            int row = t * width;
            for (int k = from; k < to; k++) {
                h[row + k] = a[row + k] * (t == 0 ? h0[k] : h[row - width + k]) + b[row + k];
            }
        }
    }

    /**
     * Scans steps {@code [from, to)}: from {@code init} (or zero when null) into {@code h}, and the
     * running product of a from {@code from} into {@code prod} when it is not null.
     */
    private static void scan(double[] a, double[] b, double[] init, double[] h, double[] prod, int from, int to, int width) {
        for (int t = from; t < to; t++) {
            int row = t * width;
            int prev = row - width;
            for (int k = 0; k < width; k++) {
                double before = t == from ? (init == null ? 0 : init[k]) : h[prev + k];
                h[row + k] = a[row + k] * before + b[row + k];
                if (prod != null) {
                    prod[row + k] = t == from ? a[row + k] : prod[prev + k] * a[row + k];
                }
            }
        }
    }

    /**
     * The backward pass of {@link #forward}.
     *
     * @param a      a_t, as given to forward
     * @param h      what forward returned
     * @param h0     the initial state, as given to forward
     * @param dh     ∂L/∂h_t, time-major
     * @param steps  T
     * @param width  channels per step
     * @param blocks P, as for forward
     * @return ∂L/∂a, ∂L/∂b and ∂L/∂h_0
     */
    public static Gradients backward(double[] a, double[] h, double[] h0, double[] dh, int steps, int width, int blocks) {
        check(a.length, dh.length, h0.length, steps, width, blocks);
        if (h.length != a.length) {
            throw new IllegalArgumentException("h has " + h.length + " values, a has " + a.length);
        }
        // δ in reversed time is the forward scan of coefficients a_{t+1} (0 for the last step) and inputs ∂L/∂h_t
        double[] ar = new double[a.length];
        double[] br = new double[a.length];
        for (int u = 0; u < steps; u++) {
            int t = steps - 1 - u;
            System.arraycopy(dh, t * width, br, u * width, width);
            if (u > 0) {
                System.arraycopy(a, (t + 1) * width, ar, u * width, width);
            }
        }
        double[] deltaReversed = forward(ar, br, new double[width], steps, width, blocks);
        double[] da = new double[a.length];
        double[] db = new double[a.length];
        double[] dh0 = new double[width];
        for (int t = 0; t < steps; t++) {
            int row = t * width;
            int rev = (steps - 1 - t) * width;
            for (int k = 0; k < width; k++) {
                double delta = deltaReversed[rev + k];
                db[row + k] = delta;
                da[row + k] = delta * (t == 0 ? h0[k] : h[row - width + k]);
                if (t == 0) {
                    dh0[k] = a[k] * delta;
                }
            }
        }
        return new Gradients(da, db, dh0);
    }

    private static void check(int aLength, int bLength, int h0Length, int steps, int width, int blocks) {
        if (steps < 1 || width < 1 || blocks < 1) {
            throw new IllegalArgumentException("need at least 1 step, 1 channel and 1 block; got " + steps + ", " + width + ", "
                    + blocks);
        }
        if (aLength != (long) steps * width || bLength != aLength || h0Length != width) {
            throw new IllegalArgumentException("shapes: a " + aLength + " and b/dh " + bLength + " values for " + steps + " steps of "
                    + width + " channels, h0 " + h0Length);
        }
    }

    /**
     * Gradients of a {@link LinearScan}.
     *
     * @param a  ∂L/∂a_t, time-major
     * @param b  ∂L/∂b_t, time-major
     * @param h0 ∂L/∂h_0
     */
    public record Gradients(double[] a, double[] b, double[] h0) {
    }
}
