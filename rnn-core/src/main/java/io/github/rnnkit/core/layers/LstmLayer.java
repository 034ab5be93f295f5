package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;

/**
 * The LSTM layer (Hochreiter and Schmidhuber 1997, with the forget gate of Gers et al. 2000), as
 * {@code torch.nn.LSTM}, gates in PyTorch's order i, f, g, o:
 * <pre>
 *   i = σ(x W_i + b_i + h RW_i)      f = σ(x W_f + b_f + h RW_f)
 *   g = tanh(x W_g + b_g + h RW_g)   o = σ(x W_o + b_o + h RW_o)
 *   c' = f ⊙ c + i ⊙ g               h' = o ⊙ tanh(c')
 * </pre>
 * Four gate blocks: {@code W [nIn, 4H]}, {@code RW [H, 4H]}, {@code b [1, 4H]}; no peepholes.
 * The forget-gate bias starts at {@link #getForgetGateBias()} (1 by default, so that the cell
 * remembers from the start; PyTorch starts at 0). See {@link RecurrentLayerConf}.
 */
public class LstmLayer extends RecurrentLayerConf {
    /**
     * The initial bias of the forget gate (1 by default; PyTorch's default is 0).
     */
    private double forgetGateBias = 1.0;

    /**
     * Builds the configuration from its builder.
     *
     * @param builder the builder
     */
    protected LstmLayer(Builder builder) {
        super(builder);
        this.forgetGateBias = builder.forgetGateBias;
    }

    /** For JSON deserialisation. */
    public LstmLayer() {
    }

    @Override
    public CellType cellType() {
        return CellType.LSTM;
    }

    /** @return the initial bias of the forget gate */
    public double getForgetGateBias() {
        return forgetGateBias;
    }

    /**
     * Sets the initial forget-gate bias (for JSON deserialisation).
     *
     * @param forgetGateBias the bias
     */
    public void setForgetGateBias(double forgetGateBias) {
        this.forgetGateBias = forgetGateBias;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof LstmLayer l && l.forgetGateBias == forgetGateBias;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(forgetGateBias);
    }

    /** Builder; {@code nIn}, {@code nOut} and optionally {@link #forgetGateBias(double)}. */
    public static class Builder extends org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer.Builder<Builder> {
        private double forgetGateBias = 1.0;

        /**
         * Sets the initial forget-gate bias.
         *
         * @param b the bias, 1 by default
         * @return this builder
         */
        public Builder forgetGateBias(double b) {
            this.forgetGateBias = b;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public LstmLayer build() {
            return new LstmLayer(this);
        }
    }
}
