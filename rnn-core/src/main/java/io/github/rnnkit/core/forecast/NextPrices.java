package io.github.rnnkit.core.forecast;

import java.time.LocalDate;

/**
 * A price model's forecast of the H steps after {@code step}, in the series' own units (the
 * scalers inverted).
 *
 * @param step      the series index of the last input step (0-based)
 * @param date      that step's date, or null for an undated series
 * @param lastPrice the target's value at {@code step}
 * @param prices    the forecast values of steps {@code step + 1 .. step + H}
 */
public record NextPrices(int step, LocalDate date, double lastPrice, double[] prices) {
    /**
     * Copies the prices.
     *
     * @param step the series index of the last input step (0-based)
     * @param date that step's date, or null for an undated series
     * @param lastPrice the target's value at {@code step}
     * @param prices the forecast values of steps {@code step + 1 .. step + H}
     */
    public NextPrices {
        prices = prices.clone();
    }

    /** @return the forecast for the next step */
    public double next() {
        return prices[0];
    }

    /** @return the horizon H */
    public int horizon() {
        return prices.length;
    }

    /**
     * @return a copy of the forecast values, one per step ahead
     */
    @Override
    public double[] prices() {
        return prices.clone();
    }
}
