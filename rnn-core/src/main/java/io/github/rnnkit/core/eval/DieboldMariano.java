package io.github.rnnkit.core.eval;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Diebold-Mariano test (Diebold and Mariano 1995) of two forecasters' losses on the same cases:
 * is the mean loss difference zero? With {@code d_i = a_i − b_i} over n cases and forecasts
 * {@code h} steps ahead,
 * <pre>
 *   DM = mean(d) / sqrt( (γ_0 + 2 Σ_{k=1}^{h−1} γ_k) / n ),   γ_k = (1/n) Σ_{i>k} (d_i − mean)(d_{i−k} − mean)
 * </pre>
 * compared with the standard normal (two-sided). For one-step forecasts only γ_0 enters; longer
 * horizons add the autocovariances that overlapping forecast errors have. When the long-run
 * variance estimate is not positive, γ_0 alone is used.
 */
public final class DieboldMariano {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private DieboldMariano() {
    }

    /**
     * @param a       the first forecaster's loss per case (e.g. squared errors), in time order
     * @param b       the second forecaster's loss on the same cases
     * @param horizon steps ahead the forecasts are (1 for next-step forecasts)
     * @return the two-sided p-value: 1 when the differences are all 0, 0 when they are all one
     *         nonzero value, NaN for fewer than 2 cases
     * @throws IllegalArgumentException when the lengths differ, a loss is not finite, or horizon &lt; 1
     */
    public static double pValue(double[] a, double[] b, int horizon) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("loss arrays differ in length: " + a.length + " vs " + b.length);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("loss of case " + i + " is not finite");
            }
            mean += d[i];
        }
        mean /= n;
        double gamma0 = autocovariance(d, mean, 0);
        double longRun = gamma0;
        for (int k = 1; k < Math.min(horizon, n); k++) {
            longRun += 2 * autocovariance(d, mean, k);
        }
        if (longRun <= 0) {
            longRun = gamma0;
        }
        if (longRun <= 0) {
            return mean == 0 ? 1.0 : 0.0;
        }
        double stat = mean / Math.sqrt(longRun / n);
        return Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(stat)));
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double s = 0;
        for (int i = lag; i < d.length; i++) {
            s += (d[i] - mean) * (d[i - lag] - mean);
        }
        return s / d.length;
    }
}
