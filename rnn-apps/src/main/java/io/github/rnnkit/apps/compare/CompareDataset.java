package io.github.rnnkit.apps.compare;

import java.util.Locale;

/** The data {@code rnnkit compare} runs on. */
public enum CompareDataset {
    /** The seed article's uniformly random weather: no signal, 1/3 is the ceiling. */
    WEATHER,
    /** The bundled Seattle daily weather, five categories. */
    SEATTLE_WEATHER,
    /** Synthetic geometric Brownian motion prices: the naive forecast is optimal. */
    GBM,
    /** A column of the user's CSV file (--csv, --column). */
    CSV;

    /**
     * Parses weather, seattle-weather, gbm or csv.
     *
     * @param text the name
     * @return the dataset
     */
    public static CompareDataset parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "weather" -> WEATHER;
            case "seattle-weather", "seattle" -> SEATTLE_WEATHER;
            case "gbm" -> GBM;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("--dataset '" + text + "' is not one of weather, seattle-weather, gbm, csv");
        };
    }

    /** @return the command-line name */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
