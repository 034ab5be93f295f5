package io.github.rnnkit.data.scale;

/** Leaves values as they are. */
public record IdentityScaler() implements Scaler {
    @Override
    public ScalerKind kind() {
        return ScalerKind.NONE;
    }

    @Override
    public double[] transform(double[] values) {
        return values.clone();
    }

    @Override
    public double inverseStep(double scaled, double previous) {
        return scaled;
    }
}
