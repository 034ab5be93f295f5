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
 * Configuration shared by rnnkit's recurrent layers ({@link SimpleRnnLayer}, {@link LstmLayer},
 * {@link GruLayer}): they differ only in their cell, i.e. in gate count and cell maths, and all
 * run on {@link RecurrentRuntimeLayer}. Input and output are NCW {@code [miniBatch, size, time]}.
 *
 * <p>Parameters ({@link RecurrentParamInitializer}), with G gate blocks of H units each, in
 * PyTorch's gate order so that weights map one to one onto {@code torch.nn.RNN/LSTM/GRU}:
 * <ul>
 *   <li>{@code W} {@code [nIn, G*H]}: input weights, PyTorch's {@code weight_ih_l*} transposed;</li>
 *   <li>{@code RW} {@code [H, G*H]}: recurrent weights, {@code weight_hh_l*} transposed;</li>
 *   <li>{@code b} {@code [1, G*H]}: bias, {@code bias_ih_l* + bias_hh_l*} (for GRU the n block is
 *       {@code bias_ih} only);</li>
 *   <li>{@code bhn} {@code [1, H]} (GRU only): the n gate's recurrent bias, inside the reset product.</li>
 * </ul>
 * A masked step (feature mask 0) outputs zeros and carries the state through unchanged, so the
 * state after a padded sequence is the state after its last real step.
 */
public abstract class RecurrentLayerConf extends BaseRecurrentLayer {

    /**
     * Builds the configuration from its builder.
     *
     * @param builder the builder
     */
    protected RecurrentLayerConf(Builder<?> builder) {
        super(builder);
    }

    /** For JSON deserialisation. */
    protected RecurrentLayerConf() {
    }

    /** @return the cell this layer runs */
    public abstract CellType cellType();

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet(getClass().getSimpleName(), getLayerName(), layerIndex, getNIn(), getNOut());
        if (getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalStateException(getClass().getSimpleName() + " takes NCW input [miniBatch, size, time]; got "
                    + getRnnDataFormat());
        }
        return SegmentedRecurrentLayer.wire(new RecurrentRuntimeLayer(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializer(), initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return RecurrentParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
    }
}
