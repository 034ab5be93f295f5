package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The maths of one cell over one sequence: a forward step and a backward step, with whatever
 * the backward step needs cached during the forward pass. Rows are time-major: step t of a
 * minibatch of {@code mb} occupies rows {@code [t*mb, (t+1)*mb)} of every {@code [T*mb, k]} array.
 *
 * <p>The caller ({@link RecurrentRuntimeLayer}) does what all cells share: the input projection
 * {@code x W + b} for all steps in one product, masking and state carry, the input and bias
 * gradients, and the loop over time.
 */
abstract class CellKernel {
    protected final long mb;
    protected final long hidden;
    /** Post-mask hidden states {@code [T*mb, H]}, written by the caller after each forward step. */
    protected final INDArray hs;

    CellKernel(long mb, long hidden, INDArray hs) {
        this.mb = mb;
        this.hidden = hidden;
        this.hs = hs;
    }

    static CellKernel create(CellType cell, IActivation activation, long steps, long mb, long hidden, INDArray hs,
                             DataType type) {
        return switch (cell) {
            case SIMPLE_RNN -> new SimpleRnnKernel(mb, hidden, hs, activation);
            case LSTM -> new LstmKernel(steps, mb, hidden, hs, type);
            case GRU -> new GruKernel(steps, mb, hidden, hs, type);
        };
    }

    /** @return the row range of step t */
    protected INDArrayIndex rows(long t) {
        return NDArrayIndex.interval(t * mb, (t + 1) * mb);
    }

    /** @return gate block {@code k} ({@code [rows, H]} view) of a {@code [rows, G*H]} array */
    protected INDArray block(INDArray a, int k) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(k * hidden, (k + 1) * hidden));
    }

    /** @return true when the cell has a memory cell c besides h (LSTM) */
    boolean hasCellState() {
        return false;
    }

    /**
     * One forward step, before masking.
     *
     * @param t     the step
     * @param proj  {@code x_t W + b}, {@code [mb, G*H]}
     * @param hPrev h at step t-1 {@code [mb, H]}
     * @param cPrev c at step t-1, or null without a cell state
     * @param rw    recurrent weights {@code [H, G*H]}
     * @param bhn   GRU's n-gate recurrent bias {@code [1, H]}, else null
     * @param hOut  where to write h_t
     * @param cOut  where to write c_t, or null
     */
    abstract void forward(long t, INDArray proj, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray bhn,
                          INDArray hOut, INDArray cOut);

    /**
     * One backward step.
     *
     * @param t     the step
     * @param dh    dL/dh_t flowing into the cell (already masked)
     * @param dc    dL/dc_t flowing into the cell (already masked), or null
     * @param hPrev h at step t-1
     * @param cPrev c at step t-1, or null
     * @param rw    recurrent weights
     * @param dProj where to write dL/d(x_t W + b) {@code [mb, G*H]}
     * @param dRw   recurrent weight gradient to add to
     * @param dBhn  GRU's n-gate recurrent bias gradient to add to, else null
     * @return {dL/dh_{t-1}, dL/dc_{t-1} or null} through the cell
     */
    abstract INDArray[] backward(long t, INDArray dh, INDArray dc, INDArray hPrev, INDArray cPrev, INDArray rw,
                                 INDArray dProj, INDArray dRw, INDArray dBhn);
}
