package io.github.rnnkit.data.summary;

import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.IndexRange;

import java.util.ArrayList;
import java.util.List;

/**
 * What to know about a price series before modelling it: length, dates, per-feature statistics
 * in the data's own units, and the daily log-return statistics of the target.
 *
 * @param length         steps
 * @param dates          date span, or null without dates
 * @param features       statistics per feature, target first
 * @param logReturnMean  mean of ln(p_t / p_{t-1}) of the target; NaN if any value is at or below 0
 * @param logReturnStd   standard deviation of those log-returns; NaN likewise
 * @param missingLines   1-based lines whose blank or NaN value was dropped or filled
 */
public record PriceProfile(int length, DateSpan dates, List<FeatureStats> features, double logReturnMean,
                           double logReturnStd, int[] missingLines) {

    /**
     * @param name        feature name
     * @param min         smallest value
     * @param max         largest value
     * @param mean        mean
     * @param std         population standard deviation
     * @param first       first value
     * @param last        last value
     * @param nonPositive how many values are at or below zero (log-returns cannot take them)
     */
    public record FeatureStats(String name, double min, double max, double mean, double std, double first,
                               double last, int nonPositive) {
    }

    /**
     * @param s the series
     * @return its statistics, missing values and baselines
     */
    public static PriceProfile of(PriceSeries s) {
        List<FeatureStats> stats = new ArrayList<>();
        for (int f = 0; f < s.featureCount(); f++) {
            double[] v = s.feature(f);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int nonPositive = 0;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
                nonPositive += x <= 0 ? 1 : 0;
            }
            double mean = sum / v.length;
            stats.add(new FeatureStats(s.features().get(f), min, max, mean, std(v, mean), v[0], v[v.length - 1],
                    nonPositive));
        }
        double rMean = Double.NaN;
        double rStd = Double.NaN;
        double[] p = s.target();
        if (stats.get(0).nonPositive() == 0 && p.length > 1) {
            double[] r = new double[p.length - 1];
            double sum = 0;
            for (int t = 1; t < p.length; t++) {
                r[t - 1] = Math.log(p[t] / p[t - 1]);
                sum += r[t - 1];
            }
            rMean = sum / r.length;
            rStd = std(r, rMean);
        }
        return new PriceProfile(s.length(), DateSpan.of(s.index(), new IndexRange(0, s.length())), stats, rMean, rStd,
                s.missingLines());
    }

    private static double std(double[] v, double mean) {
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }
}
