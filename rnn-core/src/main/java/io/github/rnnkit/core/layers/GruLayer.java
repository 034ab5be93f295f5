package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;

/**
 * The GRU layer (Cho et al. 2014) that DL4J lacks, in PyTorch's and Keras' {@code reset_after}
 * formulation, where the reset gate scales the recurrent product after the matrix multiply.
 * Gates in PyTorch's order r, z, n:
 * <pre>
 *   r  = σ(x W_r + b_r + h RW_r)                  (b_r = b_ir + b_hr)
 *   z  = σ(x W_z + b_z + h RW_z)                  (b_z = b_iz + b_hz)
 *   n  = tanh(x W_n + b_n + r ⊙ (h RW_n + bhn))   (b_n = b_in, bhn = b_hn)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Parameters: {@code W [nIn, 3H]} (PyTorch {@code weight_ih_l*}ᵀ), {@code RW [H, 3H]}
 * ({@code weight_hh_l*}ᵀ), {@code b [1, 3H]} = (b_ir + b_hr, b_iz + b_hz, b_in) and
 * {@code bhn [1, H]} = b_hn, which cannot be folded into {@code b} because r multiplies it.
 * Forward, full BPTT, truncated BPTT, {@code rnnTimeStep} and masks are those of
 * {@link RecurrentRuntimeLayer}. See {@link RecurrentLayerConf}.
 */
public class GruLayer extends RecurrentLayerConf {

    /**
     * Builds the configuration from its builder.
     *
     * @param builder the builder
     */
    protected GruLayer(Builder builder) {
        super(builder);
    }

    /** For JSON deserialisation. */
    public GruLayer() {
    }

    @Override
    public CellType cellType() {
        return CellType.GRU;
    }

    /** Builder; {@code nIn} and {@code nOut}. */
    public static class Builder extends org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public GruLayer build() {
            return new GruLayer(this);
        }
    }
}
