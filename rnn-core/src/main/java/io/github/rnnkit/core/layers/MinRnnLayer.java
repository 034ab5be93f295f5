package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A minGRU or minLSTM layer (Feng et al. 2024, "Were RNNs All We Needed?"): recurrent cells whose
 * gates read only the input, so that the whole layer is a linear recurrence
 * h_t = a_t ⊙ h_{t−1} + b_t that is evaluated over all steps at once:
 * <pre>
 *   minGRU:   z_t = σ(x_t W_z + b_z),  h̃_t = x_t W_h + b_h
 *             h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
 *   minLSTM:  f_t = σ(x_t W_f + b_f),  i_t = σ(x_t W_i + b_i),  h̃_t = x_t W_h + b_h
 *             h_t = (f_t ⊙ h_{t−1} + i_t ⊙ h̃_t) / (f_t + i_t)
 * </pre>
 * These are the paper's sequential forms (its "sequential mode" algorithms). Its parallel mode
 * computes the same recurrence as a scan in log space, h_t = exp(log A_t + logcumsumexp(log b − log A)),
 * which needs h̃ > 0 and so replaces the linear h̃ by g(h̃) (g(x) = x + 0.5 for x ≥ 0, σ(x) otherwise):
 * a different model, and on a CPU a slower one (a log and an exp per element and several passes over
 * memory; PyTorch's own log-space form took 3.6 times its step-by-step form's time for a minGRU training
 * step at 1,000 steps here, docs/BENCHMARKS.md). rnnkit keeps the linear h̃ and evaluates the linear
 * recurrence directly: float32 networks in SIMD lanes ({@link MinRnnVectors}), float64 networks
 * exactly ({@link MinRnnMath}), with the work split among cores by examples or channels, or for one
 * long narrow sequence by blocks of steps ({@link LinearScan}: each block scans from zero, the block
 * prefixes are combined, the blocks fixed up). The projections x_t W + b of a float32 layer with a
 * wide input (the layers above the first of a stack) are computed for all steps as one matrix
 * product before the scan, and their gradients as matrix products after the reverse scan; for a
 * thin input (a few features, the usual first layer) and in float64 they are computed inside the
 * scan, where they cost less than storing them. Both equal PyTorch's sequential and parallel forms
 * (without g) to round-off.
 *
 * <p>Parameters ({@link MinRnnParamInitializer}): {@code W [nIn, G*H]} and {@code b [1, G*H]},
 * with G = 2 projection blocks (z, h̃) for minGRU and 3 (f, i, h̃) for minLSTM; there are no
 * recurrent weights. Input and output are NCW {@code [miniBatch, size, time]}. Masks, truncated
 * BPTT, {@code rnnTimeStep} and bidirectional wrapping behave as for rnnkit's other recurrent layers
 * ({@link RecurrentLayerConf}): a masked step outputs zero and carries the state unchanged.
 */
public class MinRnnLayer extends BaseRecurrentLayer {
    /** The cell: {@link CellType#MIN_GRU} or {@link CellType#MIN_LSTM}. */
    private CellType cell = CellType.MIN_GRU;

    /**
     * Builds the configuration from its builder.
     *
     * @param builder the builder
     */
    protected MinRnnLayer(Builder builder) {
        super(builder);
        this.cell = builder.cell;
    }

    /** For JSON deserialisation. */
    public MinRnnLayer() {
    }

    /** @return {@link CellType#MIN_GRU} or {@link CellType#MIN_LSTM} */
    public CellType getCell() {
        return cell;
    }

    /**
     * Sets the cell (for JSON deserialisation).
     *
     * @param cell {@link CellType#MIN_GRU} or {@link CellType#MIN_LSTM}
     */
    public void setCell(CellType cell) {
        this.cell = Builder.check(cell);
    }

    /** @return the cell's kind in {@link MinRnnMath} */
    MinRnnMath.Kind kind() {
        return cell == CellType.MIN_GRU ? MinRnnMath.Kind.MIN_GRU : MinRnnMath.Kind.MIN_LSTM;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet(getClass().getSimpleName(), getLayerName(), layerIndex, getNIn(), getNOut());
        if (getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalStateException("MinRnnLayer takes NCW input [miniBatch, size, time]; got " + getRnnDataFormat());
        }
        return SegmentedRecurrentLayer.wire(new MinRnnRuntimeLayer(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializer(), initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return MinRnnParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof MinRnnLayer l && l.cell == cell;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + cell.hashCode();
    }

    /** Builder; {@code nIn}, {@code nOut} and {@link #cell(CellType)}. */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        private CellType cell = CellType.MIN_GRU;

        /**
         * @param cell {@link CellType#MIN_GRU} (the default) or {@link CellType#MIN_LSTM}
         * @return this builder
         * @throws IllegalArgumentException for any other cell
         */
        public Builder cell(CellType cell) {
            this.cell = check(cell);
            return this;
        }

        private static CellType check(CellType cell) {
            if (cell == null || !cell.parallelInTime()) {
                throw new IllegalArgumentException("MinRnnLayer runs min-gru or min-lstm, not " + cell);
            }
            return cell;
        }

        @Override
        @SuppressWarnings("unchecked")
        public MinRnnLayer build() {
            return new MinRnnLayer(this);
        }
    }
}
