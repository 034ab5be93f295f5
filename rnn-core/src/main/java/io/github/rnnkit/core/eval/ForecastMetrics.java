package io.github.rnnkit.core.eval;

/**
 * How well price forecasts match the truth, for one horizon step, in the price's own units.
 *
 * @param mae          mean absolute error
 * @param rmse         root mean squared error
 * @param mape         mean absolute percentage error, in percent (steps whose actual price is 0 are skipped)
 * @param directional  share of forecasts whose direction from the last known price (up or down)
 *                     is the actual direction; steps with no actual change are skipped; NaN for a
 *                     forecaster that never predicts a change (the naive last value)
 * @param n            number of forecasts
 */
public record ForecastMetrics(double mae, double rmse, double mape, double directional, int n) {

    /**
     * @param forecast forecasts for one horizon step
     * @param actual   the actual prices
     * @param last     the last known price of each forecast's window
     * @return MAE, RMSE, MAPE and directional accuracy of the forecasts
     */
    public static ForecastMetrics of(double[] forecast, double[] actual, double[] last) {
        int n = forecast.length;
        double abs = 0;
        double sq = 0;
        double pct = 0;
        int pctN = 0;
        int dirRight = 0;
        int dirN = 0;
        boolean anyChange = false;
        // Errors are divided by the largest before squaring (and by n before summing), so that
        // prices near Double.MAX_VALUE give a finite RMSE and MAE instead of Infinity.
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(forecast[i] - actual[i]));
        }
        double unit = largest > 0 && Double.isFinite(largest) ? largest : 1;
        for (int i = 0; i < n; i++) {
            double e = forecast[i] - actual[i];
            abs += Math.abs(e) / n;
            double r = e / unit;
            sq += r * r;
            if (actual[i] != 0) {
                pct += Math.abs(e / actual[i]);
                pctN++;
            }
            double move = Math.signum(actual[i] - last[i]);
            double predictedMove = Math.signum(forecast[i] - last[i]);
            anyChange |= predictedMove != 0;
            if (move != 0) {
                dirN++;
                dirRight += move == predictedMove ? 1 : 0;
            }
        }
        return new ForecastMetrics(abs, unit * Math.sqrt(sq / n), pctN == 0 ? Double.NaN : 100 * pct / pctN,
                anyChange && dirN > 0 ? (double) dirRight / dirN : Double.NaN, n);
    }
}
