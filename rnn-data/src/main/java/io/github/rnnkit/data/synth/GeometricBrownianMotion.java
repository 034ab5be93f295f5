package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.series.PriceSeries;

/**
 * Prices following geometric Brownian motion, the textbook model of a stock:
 * {@code S_{t+1} = S_t * exp((mu - sigma^2 / 2) dt + sigma sqrt(dt) Z_t)}, Z_t standard normal.
 * Log-returns are independent, so the best forecast of tomorrow's price is today's price times
 * {@code exp(mu dt)}: a model that beats the naive last-value forecast on such data by more than
 * noise is a sign of leakage.
 *
 * @param start start price S_0, above zero (currency units)
 * @param mu    drift per year (0.05 = 5 %)
 * @param sigma volatility per year (0.2 = 20 %)
 * @param dt    years per step (1/252 for trading days)
 */
public record GeometricBrownianMotion(double start, double mu, double sigma, double dt) {
    /** S_0 = 100, mu = 5 %, sigma = 20 % a year, daily steps of 1/252 year. */
    public static final GeometricBrownianMotion DEFAULT = new GeometricBrownianMotion(100, 0.05, 0.2, 1.0 / 252);
    /**
     * Checks the parameters.
     *
     * @param start start price S_0, above zero (currency units)
     * @param mu drift per year (0.05 = 5 %)
     * @param sigma volatility per year (0.2 = 20 %)
     * @param dt years per step (1/252 for trading days)
     */
    public GeometricBrownianMotion {
        if (!(start > 0) || !(sigma >= 0) || !(dt > 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("GBM needs start > 0, sigma >= 0, dt > 0; got start " + start
                    + ", mu " + mu + ", sigma " + sigma + ", dt " + dt);
        }
    }

    /**
     * @param steps number of prices, at least 1 (the first is {@code start})
     * @param seed  seed in {@code [0, 2^32)}
     * @return a price series named {@code close}, dated on weekdays from 2020-01-01
     */
    public PriceSeries generate(int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        double[][] rows = new double[steps][1];
        rows[0][0] = start;
        double drift = (mu - sigma * sigma / 2) * dt;
        double vol = sigma * Math.sqrt(dt);
        for (int t = 1; t < steps; t++) {
            rows[t][0] = rows[t - 1][0] * Math.exp(drift + vol * rng.nextGaussian());
        }
        return PriceSeries.of(java.util.List.of("close"), rows, SyntheticDates.weekdays(steps),
                "gbm(seed=" + seed + ")");
    }

    /**
     * The same closes as {@link #generate} with a second feature, a daily traded volume that rises
     * with the size of the day's move (as real volumes do):
     * {@code V_t = 10^6 (1 + 50 |log(S_t / S_{t-1})|) exp(0.3 W_t)}, W_t standard normal from a
     * stream of its own, so that the closes equal {@code generate(steps, seed)}'s.
     *
     * @param steps number of prices, at least 1
     * @param seed seed in {@code [0, 2^32)}
     * @return a price series with features {@code close} (target) and {@code volume} (shares)
     */
    public PriceSeries generateWithVolume(int steps, long seed) {
        PriceSeries close = generate(steps, seed);
        NumpyRandom rng = new NumpyRandom((seed + 0x9E3779B9L) & 0xFFFFFFFFL);
        double[][] rows = new double[steps][2];
        for (int t = 0; t < steps; t++) {
            double move = t == 0 ? 0 : Math.abs(Math.log(close.get(t, 0) / close.get(t - 1, 0)));
            rows[t][0] = close.get(t, 0);
            rows[t][1] = 1e6 * (1 + 50 * move) * Math.exp(0.3 * rng.nextGaussian());
        }
        return PriceSeries.of(java.util.List.of("close", "volume"), rows, SyntheticDates.weekdays(steps),
                "gbm-with-volume(seed=" + seed + ")");
    }
}
