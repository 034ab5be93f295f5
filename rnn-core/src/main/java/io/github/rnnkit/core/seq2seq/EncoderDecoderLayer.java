package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Objects;

/**
 * An encoder-decoder with optional attention as one DL4J layer ({@link EncoderDecoderMath}'s
 * equations), so that it trains, saves and loads as any rnnkit network does: a
 * {@code MultiLayerNetwork} of this layer and an output layer over the decoder's steps.
 *
 * <p><b>Input</b>: source and decoder inputs packed into one NCW array
 * {@code [miniBatch, F_source + F_target, S + T]}: the first S = {@link #getSourceSteps()} steps
 * hold the source in features {@code [0, F_source)}, the last T steps the decoder's inputs
 * (teacher-forced) in features {@code [F_source, F_source + F_target)}, the other entries 0
 * ({@link Seq2SeqArrays#pack}). The feature mask, if any, is {@code [miniBatch, S + T]}: the
 * source's padding and the target's. <b>Output</b>: the decoder's outputs {@code [miniBatch, H, T]},
 * with the target part of the mask passed on to the output layer. Truncated BPTT and streaming
 * ({@code rnnTimeStep}) do not apply: {@link Seq2SeqDecoder} decodes step by step.
 */
public class EncoderDecoderLayer extends BaseRecurrentLayer {
    /** The cell of both stacks. */
    private CellType cell = CellType.GRU;
    /** Layers per stack. */
    private int layers = 1;
    /** Features of a source step. */
    private int sourceFeatures;
    /** Features of a decoder input step. */
    private int targetFeatures;
    /** S, the source steps at the start of every packed input. */
    private int sourceSteps;
    /** The attention. */
    private AttentionKind attention = AttentionKind.NONE;
    /** Bahdanau's attention size (0: H). */
    private int attentionSize;

    /**
     * Builds the configuration from its builder.
     *
     * @param b the builder
     */
    protected EncoderDecoderLayer(Builder b) {
        super(b);
        this.cell = b.cell;
        this.layers = b.layers;
        this.sourceFeatures = b.sourceFeatures;
        this.targetFeatures = b.targetFeatures;
        this.sourceSteps = b.sourceSteps;
        this.attention = b.attention;
        this.attentionSize = b.attentionSize;
        setNIn(sourceFeatures + targetFeatures);
    }

    /** For JSON deserialisation. */
    public EncoderDecoderLayer() {
    }

    /** @return the sizes and parameter layout */
    public EncoderDecoderShape shape() {
        return new EncoderDecoderShape(cell, false, layers, (int) getNOut(), sourceFeatures, targetFeatures, attention,
                attentionSize > 0 ? attentionSize : (int) getNOut());
    }

    /** @return the cell of both stacks */
    public CellType getCell() {
        return cell;
    }

    /** @param cell the cell (JSON) */
    public void setCell(CellType cell) {
        this.cell = cell;
    }

    /** @return layers in the encoder and in the decoder */
    public int getLayers() {
        return layers;
    }

    /** @param layers layers per stack (JSON) */
    public void setLayers(int layers) {
        this.layers = layers;
    }

    /** @return features of a source step */
    public int getSourceFeatures() {
        return sourceFeatures;
    }

    /** @param f features of a source step (JSON) */
    public void setSourceFeatures(int f) {
        this.sourceFeatures = f;
    }

    /** @return features of a decoder input step */
    public int getTargetFeatures() {
        return targetFeatures;
    }

    /** @param f features of a decoder input step (JSON) */
    public void setTargetFeatures(int f) {
        this.targetFeatures = f;
    }

    /** @return S, the source steps at the start of every packed input (shorter sources are padded and masked) */
    public int getSourceSteps() {
        return sourceSteps;
    }

    /** @param s the source steps (JSON) */
    public void setSourceSteps(int s) {
        this.sourceSteps = s;
    }

    /** @return the attention */
    public AttentionKind getAttention() {
        return attention;
    }

    /** @param a the attention (JSON) */
    public void setAttention(AttentionKind a) {
        this.attention = a;
    }

    /** @return Bahdanau's attention size A (0: H) */
    public int getAttentionSize() {
        return attentionSize;
    }

    /** @param a the attention size (JSON) */
    public void setAttentionSize(int a) {
        this.attentionSize = a;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        shape();   // checks the sizes
        if (getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalStateException("EncoderDecoderLayer takes NCW input [miniBatch, size, time]; got " + getRnnDataFormat());
        }
        EncoderDecoderRuntimeLayer layer = new EncoderDecoderRuntimeLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return EncoderDecoderParamInitializer.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(getNOut(), getRnnDataFormat());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof EncoderDecoderLayer l && l.cell == cell && l.layers == layers
                && l.sourceFeatures == sourceFeatures && l.targetFeatures == targetFeatures && l.sourceSteps == sourceSteps
                && l.attention == attention && l.attentionSize == attentionSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), cell, layers, sourceFeatures, targetFeatures, sourceSteps, attention, attentionSize);
    }

    /** Builder: {@code nOut} (H), the cell, layers, the two feature counts, S and the attention. */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        /** The cell of both stacks. */
        protected CellType cell = CellType.GRU;
        /** Layers per stack. */
        protected int layers = 1;
        /** Features of a source step. */
        protected int sourceFeatures;
        /** Features of a decoder input step. */
        protected int targetFeatures;
        /** S, source steps at the start of each packed input. */
        protected int sourceSteps;
        /** The attention. */
        protected AttentionKind attention = AttentionKind.NONE;
        /** Bahdanau's attention size (0: H). */
        protected int attentionSize;

        /**
         * @param c rnn, lstm or gru
         * @return this builder
         */
        public Builder cell(CellType c) {
            this.cell = c;
            return this;
        }

        /**
         * @param n layers per stack
         * @return this builder
         */
        public Builder layers(int n) {
            this.layers = n;
            return this;
        }

        /**
         * @param f features of a source step
         * @return this builder
         */
        public Builder sourceFeatures(int f) {
            this.sourceFeatures = f;
            return this;
        }

        /**
         * @param f features of a decoder input step
         * @return this builder
         */
        public Builder targetFeatures(int f) {
            this.targetFeatures = f;
            return this;
        }

        /**
         * @param s S, source steps at the start of each packed input
         * @return this builder
         */
        public Builder sourceSteps(int s) {
            this.sourceSteps = s;
            return this;
        }

        /**
         * @param a the attention
         * @return this builder
         */
        public Builder attention(AttentionKind a) {
            this.attention = a;
            return this;
        }

        /**
         * @param a Bahdanau's attention size (default H)
         * @return this builder
         */
        public Builder attentionSize(int a) {
            this.attentionSize = a;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public EncoderDecoderLayer build() {
            if (sourceSteps < 1) {
                throw new IllegalArgumentException("an encoder-decoder needs at least 1 source step, got " + sourceSteps);
            }
            return new EncoderDecoderLayer(this);
        }
    }
}
