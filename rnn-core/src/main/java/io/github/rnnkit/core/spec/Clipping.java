package io.github.rnnkit.core.spec;

import org.deeplearning4j.nn.conf.GradientNormalization;

import java.util.Locale;

/**
 * Gradient clipping, applied by DL4J per layer before the updater.
 *
 * @param mode      DL4J's mode; {@link GradientNormalization#None} for no clipping
 * @param threshold the clipping threshold (ignored by the renormalize modes and by None)
 */
public record Clipping(GradientNormalization mode, double threshold) {
    /** No clipping. */
    public static final Clipping NONE = new Clipping(GradientNormalization.None, 1.0);
    /**
     * Checks that the threshold is positive and finite when a mode is set.
     *
     * @param mode DL4J's mode; {@link GradientNormalization#None} for no clipping
     * @param threshold the clipping threshold (ignored by the renormalize modes and by None)
     */
    public Clipping {
        if (mode == null) {
            throw new IllegalArgumentException("a clipping mode is required (None for no clipping)");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("clipping threshold must be a positive number, got " + threshold);
        }
    }

    /** @return true unless the mode is None */
    public boolean enabled() {
        return mode != GradientNormalization.None;
    }

    /**
     * Parses {@code MODE:THRESHOLD} as on the command line, e.g. {@code l2-per-layer:1.0},
     * {@code elementwise:0.5}, {@code l2-per-param-type:5}, {@code renormalize-l2-per-layer}, {@code none}.
     *
     * @param text {@code none} or {@code MODE:THRESHOLD}
     * @return the clipping
     */
    public static Clipping parse(String text) {
        String[] parts = text.trim().split(":");
        String name = parts[0].toLowerCase(Locale.ROOT);
        GradientNormalization mode = switch (name) {
            case "none" -> GradientNormalization.None;
            case "elementwise", "clip-elementwise" -> GradientNormalization.ClipElementWiseAbsoluteValue;
            case "l2-per-layer", "clip-l2-per-layer" -> GradientNormalization.ClipL2PerLayer;
            case "l2-per-param-type", "clip-l2-per-param-type" -> GradientNormalization.ClipL2PerParamType;
            case "renormalize-l2-per-layer" -> GradientNormalization.RenormalizeL2PerLayer;
            case "renormalize-l2-per-param-type" -> GradientNormalization.RenormalizeL2PerParamType;
            default -> throw new IllegalArgumentException("unknown clipping mode '" + parts[0] + "'; expected none, "
                    + "elementwise, l2-per-layer, l2-per-param-type, renormalize-l2-per-layer or renormalize-l2-per-param-type");
        };
        if (parts.length > 2) {
            throw new IllegalArgumentException("clipping '" + text + "' must be MODE or MODE:THRESHOLD");
        }
        boolean needsThreshold = mode == GradientNormalization.ClipElementWiseAbsoluteValue
                || mode == GradientNormalization.ClipL2PerLayer || mode == GradientNormalization.ClipL2PerParamType;
        if (needsThreshold && parts.length < 2) {
            throw new IllegalArgumentException("clipping mode " + parts[0] + " needs a threshold, e.g. " + parts[0] + ":1.0");
        }
        double threshold = 1.0;
        if (parts.length == 2) {
            try {
                threshold = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("clipping threshold '" + parts[1] + "' is not a number");
            }
        }
        return new Clipping(mode, threshold);
    }
}
