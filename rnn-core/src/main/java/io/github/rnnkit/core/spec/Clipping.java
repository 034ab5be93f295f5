package io.github.rnnkit.core.spec;

import org.deeplearning4j.nn.conf.GradientNormalization;

import java.util.Locale;

/**
 * Gradient clipping: one of DL4J's per-layer modes, applied by DL4J's updater to each layer, or
 * the whole network's gradient scaled down to a given L2 norm ({@link #globalL2}), as Keras'
 * {@code global_clipnorm} and PyTorch's {@code torch.nn.utils.clip_grad_norm_} do:
 * <pre>
 *   g ← g · min(1, threshold / ‖g‖₂),   ‖g‖₂ over every parameter of every layer
 * </pre>
 * where g is the gradient of the minibatch's mean loss (DL4J's modes see the same: its updater
 * divides by the minibatch size before clipping).
 *
 * @param mode      DL4J's per-layer mode; {@link GradientNormalization#None} for none (and for global clipping)
 * @param threshold the clipping threshold (ignored by the renormalize modes and by None)
 * @param global    true for global-norm clipping over the whole network
 * @serial exclude
 */
public record Clipping(GradientNormalization mode, double threshold, boolean global) implements java.io.Serializable {
    /** No clipping. */
    public static final Clipping NONE = new Clipping(GradientNormalization.None, 1.0);

    /**
     * One of DL4J's per-layer modes.
     *
     * @param mode DL4J's mode; {@link GradientNormalization#None} for no clipping
     * @param threshold the clipping threshold (ignored by the renormalize modes and by None)
     */
    public Clipping(GradientNormalization mode, double threshold) {
        this(mode, threshold, false);
    }

    /**
     * Checks that the threshold is positive and finite when a mode is set.
     *
     * @param mode DL4J's mode; {@link GradientNormalization#None} for no clipping
     * @param threshold the clipping threshold (ignored by the renormalize modes and by None)
     * @param global true for global-norm clipping (then mode must be None)
     */
    public Clipping {
        if (mode == null) {
            throw new IllegalArgumentException("a clipping mode is required (None for no clipping)");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("clipping threshold must be a positive number, got " + threshold);
        }
        if (global && mode != GradientNormalization.None) {
            throw new IllegalArgumentException("global-norm clipping replaces DL4J's per-layer mode " + mode
                    + "; use one of them");
        }
    }

    /**
     * @param threshold the largest L2 norm the whole network's gradient keeps
     * @return global-norm clipping at {@code threshold}
     */
    public static Clipping globalL2(double threshold) {
        return new Clipping(GradientNormalization.None, threshold, true);
    }

    /**
     * @return the clipping as {@code --clip} takes it, e.g. {@code global-l2:1.0},
     *         {@code l2-per-layer:1.0}, {@code renormalize-l2-per-layer} or {@code none}
     */
    public String describe() {
        String name = global ? "global-l2" : switch (mode) {
            case None -> "none";
            case ClipElementWiseAbsoluteValue -> "elementwise";
            case ClipL2PerLayer -> "l2-per-layer";
            case ClipL2PerParamType -> "l2-per-param-type";
            case RenormalizeL2PerLayer -> "renormalize-l2-per-layer";
            case RenormalizeL2PerParamType -> "renormalize-l2-per-param-type";
        };
        return global || thresholded(mode) ? name + ":" + threshold : name;
    }

    /** @return true for global-norm clipping or any of DL4J's modes but None */
    public boolean enabled() {
        return global || mode != GradientNormalization.None;
    }

    /**
     * Parses {@code MODE:THRESHOLD} as on the command line, e.g. {@code global-l2:1.0},
     * {@code l2-per-layer:1.0}, {@code elementwise:0.5}, {@code l2-per-param-type:5},
     * {@code renormalize-l2-per-layer}, {@code none}.
     *
     * @param text {@code none} or {@code MODE:THRESHOLD}
     * @return the clipping
     */
    public static Clipping parse(String text) {
        String[] parts = text.trim().split(":");
        String name = parts[0].toLowerCase(Locale.ROOT);
        if (name.equals("global-l2")) {
            if (parts.length != 2) {
                throw new IllegalArgumentException("clipping mode " + parts[0] + " needs a threshold, e.g. " + parts[0] + ":1.0");
            }
            return globalL2(threshold(parts[1]));
        }
        GradientNormalization mode = switch (name) {
            case "none" -> GradientNormalization.None;
            case "elementwise", "clip-elementwise" -> GradientNormalization.ClipElementWiseAbsoluteValue;
            case "l2-per-layer", "clip-l2-per-layer" -> GradientNormalization.ClipL2PerLayer;
            case "l2-per-param-type", "clip-l2-per-param-type" -> GradientNormalization.ClipL2PerParamType;
            case "renormalize-l2-per-layer" -> GradientNormalization.RenormalizeL2PerLayer;
            case "renormalize-l2-per-param-type" -> GradientNormalization.RenormalizeL2PerParamType;
            default -> throw new IllegalArgumentException("unknown clipping mode '" + parts[0] + "'; expected none, "
                    + "global-l2, elementwise, l2-per-layer, l2-per-param-type, renormalize-l2-per-layer or "
                    + "renormalize-l2-per-param-type");
        };
        if (parts.length > 2) {
            throw new IllegalArgumentException("clipping '" + text + "' must be MODE or MODE:THRESHOLD");
        }
        if (thresholded(mode) && parts.length < 2) {
            throw new IllegalArgumentException("clipping mode " + parts[0] + " needs a threshold, e.g. " + parts[0] + ":1.0");
        }
        return new Clipping(mode, parts.length == 2 ? threshold(parts[1]) : 1.0);
    }

    /** @return true for DL4J's modes that clip at a threshold (the renormalize modes and None take none) */
    private static boolean thresholded(GradientNormalization mode) {
        return mode == GradientNormalization.ClipElementWiseAbsoluteValue || mode == GradientNormalization.ClipL2PerLayer
                || mode == GradientNormalization.ClipL2PerParamType;
    }

    private static double threshold(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("clipping threshold '" + text + "' is not a number");
        }
    }
}
