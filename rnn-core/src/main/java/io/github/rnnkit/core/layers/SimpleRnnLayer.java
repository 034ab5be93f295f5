package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;

/**
 * The Elman (vanilla) RNN layer, as {@code torch.nn.RNN}:
 * <pre>
 *   h_t = act(x_t W + b + h_{t-1} RW)        act = tanh (default) or relu
 * </pre>
 * One gate block: {@code W [nIn, H]}, {@code RW [H, H]}, {@code b [1, H]} ({@code bias_ih + bias_hh}).
 * The activation is the layer's {@code activation(...)}, tanh unless set; only tanh and relu are
 * supported. See {@link RecurrentLayerConf} for layout and masking.
 */
public class SimpleRnnLayer extends RecurrentLayerConf {

    /**
     * Builds the configuration from its builder.
     *
     * @param builder the builder
     */
    protected SimpleRnnLayer(Builder builder) {
        super(builder);
    }

    /** For JSON deserialisation. */
    public SimpleRnnLayer() {
    }

    @Override
    public CellType cellType() {
        return CellType.SIMPLE_RNN;
    }

    /** Builder; {@code nIn}, {@code nOut} and optionally {@code activation(Activation.TANH | RELU)}. */
    public static class Builder extends org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer.Builder<Builder> {
        /**
         * A builder with tanh as the activation.
         */
        public Builder() {
            activation(org.nd4j.linalg.activations.Activation.TANH);
        }

        @Override
        @SuppressWarnings("unchecked")
        public SimpleRnnLayer build() {
            return new SimpleRnnLayer(this);
        }
    }
}
