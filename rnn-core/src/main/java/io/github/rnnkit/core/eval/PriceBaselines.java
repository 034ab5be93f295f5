package io.github.rnnkit.core.eval;

/**
 * The two forecasts any price model must beat (Hyndman and Athanasopoulos, "Forecasting:
 * principles and practice", 5.2):
 * <ul>
 *   <li>naive: every future step equals the last known price;</li>
 *   <li>drift: the line from the series' first price to the last known one, extended h steps:
 *       {@code last + h (last - first) / (steps so far - 1)}.</li>
 * </ul>
 */
public final class PriceBaselines {
    private PriceBaselines() {
    }

    /**
     * @param last each window's last known price
     * @param horizon steps forecast
     * @return {@code [n][horizon]} with each row the window's last known price
     */
    public static double[][] naive(double[] last, int horizon) {
        double[][] out = new double[last.length][horizon];
        for (int i = 0; i < last.length; i++) {
            java.util.Arrays.fill(out[i], last[i]);
        }
        return out;
    }

    /**
     * @param first     the series' first price
     * @param last      each window's last known price
     * @param lastStep  each window's last known step (0-based; the first price is step 0)
     * @param horizon steps forecast
     * @return {@code [n][horizon]}: each window's last price plus the average step change from the series' first price to it, once per step ahead
     */
    public static double[][] drift(double first, double[] last, int[] lastStep, int horizon) {
        double[][] out = new double[last.length][horizon];
        for (int i = 0; i < last.length; i++) {
            double slope = lastStep[i] > 0 ? (last[i] - first) / lastStep[i] : 0;
            for (int h = 0; h < horizon; h++) {
                out[i][h] = last[i] + (h + 1) * slope;
            }
        }
        return out;
    }
}
