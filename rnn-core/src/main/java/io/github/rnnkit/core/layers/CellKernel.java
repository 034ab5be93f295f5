package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;

/**
 * The maths of one cell over one sequence: a forward and a backward step, caching during the
 * forward pass what the backward pass needs. All arrays are row-major direct buffers in
 * time-major blocks: step t of a minibatch of {@code mb} is the block of rows
 * {@code [t*mb, (t+1)*mb)}. The hidden and cell states have one block more, block 0 holding the
 * initial state, so that the state before step t is block t and after it block t+1.
 *
 * <p>The caller ({@link RecurrentRuntimeLayer}) does what the cells share: the input projection
 * {@code x W} of all steps in one product, masking and state carry, the input and bias
 * gradients, and the loop over time. Kernels use OpenBLAS for the per-step recurrent products
 * and plain loops for the gate arithmetic, so a step costs one or two native calls instead of
 * dozens of array operations.
 */
abstract class CellKernel {
    protected final int mb;
    protected final int hidden;
    protected final int width;
    /** Hidden states, {@code [(T+1)*mb, H]}; block 0 is the initial state. */
    protected final KernelBuffer hs;
    /** True when the gate loops run in SIMD lanes ({@link VectorGates}): float32, and the module is there. */
    protected final boolean simd;
    /** The float32 gate loops over heap arrays when they do not run in SIMD lanes, else null. */
    protected final ArrayGates arrays;

    CellKernel(int steps, int mb, int hidden, int gates, BufferPool pool) {
        this.mb = mb;
        this.hidden = hidden;
        this.width = gates * hidden;
        // Block 0 is the initial state: zero unless the caller writes one.
        this.hs = pool.zeros("hs", (long) (steps + 1) * mb * hidden);
        this.simd = hs instanceof KernelBuffer.F32 && Simd.covers(hidden);
        this.arrays = hs instanceof KernelBuffer.F32 && !simd ? new ArrayGates(hidden, width) : null;
    }

    /** @return tanh(x) in double precision, for the float64 paths (float32 ones call {@link Activations#tanhFloat}) */
    static double tanh(double x) {
        return Activations.tanh(x);
    }

    /** @return the logistic sigmoid in double precision, for the float64 paths */
    static double sigmoid(double x) {
        return Activations.sigmoid(x);
    }

    static CellKernel create(CellType cell, boolean relu, int steps, int mb, int hidden, BufferPool pool) {
        return switch (cell) {
            case SIMPLE_RNN -> new SimpleRnnKernel(steps, mb, hidden, relu, pool);
            case LSTM -> new LstmKernel(steps, mb, hidden, pool);
            case GRU -> new GruKernel(steps, mb, hidden, pool);
            case MIN_GRU, MIN_LSTM -> throw new IllegalArgumentException(cell + " runs in MinRnnLayer, not step by step");
        };
    }

    /** @return offset of the state block before step t (block t) in {@code hs} or {@link #cs()} */
    final int stateOffset(int t) {
        return t * mb * hidden;
    }

    /** @return offset of step t's block in a {@code [T*mb, G*H]} array */
    final int gateOffset(int t) {
        return t * mb * width;
    }

    /** @return the LSTM cell states {@code [(T+1)*mb, H]}, or null for cells without one */
    KernelBuffer cs() {
        return null;
    }

    /**
     * Step t forward, before masking: reads the state block t, writes block t+1.
     *
     * @param proj {@code x W} for all steps {@code [T*mb, G*H]}, without the bias
     * @param bias the input bias {@code b} {@code [G*H]}, added here in the same pass as the
     *             activation rather than in a pass of its own over all steps
     * @param rw   recurrent weights {@code [H, G*H]}
     * @param bhn  GRU's n-gate recurrent bias {@code [H]}, else null
     */
    abstract void forward(int t, KernelBuffer proj, KernelBuffer bias, KernelBuffer rw, KernelBuffer bhn);

    /**
     * Prepares a backward pass over the sequence.
     *
     * @param dProj the gradient buffer of the whole pass, {@code [T*mb, G*H]}
     * @return the buffer into which {@link #backward} writes dL/d(h_{t-1} RW) of every step,
     *         {@code [T*mb, G*H]}: {@code dProj} itself for cells whose recurrent product enters
     *         the gates as the input product does; GRU's reset gate scales its n-part, so GRU has
     *         its own
     */
    KernelBuffer beginBackward(KernelBuffer dProj, BufferPool pool) {
        return dProj;
    }

    /**
     * Step t backward. The caller forms the recurrent weight gradient afterwards, in one product
     * over all steps of the buffer {@link #beginBackward} returned.
     *
     * @param dh      dL/dh_t into the cell {@code [mb, H]} (masked rows zero)
     * @param dc      dL/dc_t into the cell, or null
     * @param rw      recurrent weights
     * @param dProj   where to write dL/d(x_t W + b), step t's block of {@code [T*mb, G*H]}
     * @param dhPrev  where to write dL/dh_{t-1} through the cell {@code [mb, H]}
     * @param dcPrev  where to write dL/dc_{t-1}, or null
     */
    abstract void backward(int t, KernelBuffer dh, KernelBuffer dc, KernelBuffer rw, KernelBuffer dProj,
                           KernelBuffer dhPrev, KernelBuffer dcPrev);
}
