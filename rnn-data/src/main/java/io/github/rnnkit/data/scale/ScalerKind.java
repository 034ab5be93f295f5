package io.github.rnnkit.data.scale;

import java.util.Locale;

/** The scalers rnnkit offers for price features; {@link #fit} makes one from training values. */
public enum ScalerKind {
    /** Values as they are. */
    NONE,
    /** {@code (x - min) / (max - min)}: the training range maps to [0, 1]. */
    MIN_MAX,
    /** {@code (x - mean) / std}, with the training mean and population standard deviation. */
    Z_SCORE,
    /** Log-returns {@code ln(x_t / x_{t-1})}, standardised with the training returns' mean and std. */
    LOG_RETURNS;

    /**
     * Fits a scaler on training values only.
     *
     * @param train the training part's values of one feature
     * @return the fitted scaler
     * @throws IllegalArgumentException when the values cannot be fitted (empty; for log-returns,
     * fewer than two or a value at or below zero)
     */
    public Scaler fit(double[] train) {
        if (train.length == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on no values");
        }
        return switch (this) {
            case NONE -> new IdentityScaler();
            case MIN_MAX -> MinMaxScaler.fit(train);
            case Z_SCORE -> ZScoreScaler.fit(train);
            case LOG_RETURNS -> LogReturnScaler.fit(train);
        };
    }

    /** @return the name used on the command line, e.g. {@code z-score} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a command-line name such as {@code min-max} or {@code log-returns}.
     *
     * @param text the name
     * @return the kind
     */
    public static ScalerKind parse(String text) {
        for (ScalerKind k : values()) {
            if (k.label().equalsIgnoreCase(text.trim()) || k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown scaler '" + text + "'; expected none, min-max, z-score or log-returns");
    }
}
