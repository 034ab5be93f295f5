package io.github.rnnkit.core.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multi-step forecasts scored day by day ahead against references, with significance: prices by
 * RMSE and MAE per day and a Diebold-Mariano test of squared errors against one reference (with
 * the autocovariances of overlapping k-day forecasts); categories by accuracy per day and
 * McNemar's test against each reference. Forecasts are {@code [window][day ahead]}, windows in
 * time order.
 */
public final class HorizonEvaluation {
    /** p-values below this count as significant in {@link #betterDays} and {@link #worseDays}. */
    public static final double ALPHA = 0.05;

    private final Map<String, double[]> score;
    private final Map<String, double[]> secondary;
    private final Map<String, Map<String, double[]>> pValues;
    private final boolean higherIsBetter;
    private final int windows;

    private HorizonEvaluation(Map<String, double[]> score, Map<String, double[]> secondary,
                              Map<String, Map<String, double[]>> pValues, boolean higherIsBetter, int windows) {
        this.score = score;
        this.secondary = secondary;
        this.pValues = pValues;
        this.higherIsBetter = higherIsBetter;
        this.windows = windows;
    }

    /**
     * @param truth     the true values {@code [n][H]}
     * @param forecasts every forecaster's values {@code [n][H]}, by name, in report order
     * @param reference the name of the forecaster the others are tested against (e.g. naive)
     * @return RMSE per day as the score, MAE as the secondary, Diebold-Mariano p-values against the reference
     * @throws IllegalArgumentException when shapes differ or the reference is missing
     */
    public static HorizonEvaluation prices(double[][] truth, Map<String, double[][]> forecasts, String reference) {
        require(forecasts.containsKey(reference), "the reference '" + reference + "' is not among the forecasts " + forecasts.keySet());
        int h = truth.length == 0 ? 0 : truth[0].length;
        Map<String, double[]> rmse = new LinkedHashMap<>();
        Map<String, double[]> mae = new LinkedHashMap<>();
        Map<String, double[]> p = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : forecasts.entrySet()) {
            double[][] f = e.getValue();
            require(f.length == truth.length, e.getKey() + " has " + f.length + " forecasts for " + truth.length + " windows");
            double[] r = new double[h];
            double[] a = new double[h];
            for (int k = 0; k < h; k++) {
                double sq = 0;
                double abs = 0;
                for (int i = 0; i < truth.length; i++) {
                    double d = f[i][k] - truth[i][k];
                    sq += d * d;
                    abs += Math.abs(d);
                }
                r[k] = Math.sqrt(sq / truth.length);
                a[k] = abs / truth.length;
            }
            rmse.put(e.getKey(), r);
            mae.put(e.getKey(), a);
            if (!e.getKey().equals(reference)) {
                double[] pv = new double[h];
                for (int k = 0; k < h; k++) {
                    pv[k] = DieboldMariano.pValue(squared(f, truth, k), squared(forecasts.get(reference), truth, k), k + 1);
                }
                p.put(e.getKey(), pv);
            }
        }
        return new HorizonEvaluation(rmse, mae, Map.of(reference, p), false, truth.length);
    }

    /**
     * @param truth      the true categories {@code [n][H]}
     * @param forecasts  every forecaster's categories {@code [n][H]}, by name, in report order
     * @param references the forecasters the others are tested against (e.g. persistence, Markov chain)
     * @return accuracy per day as the score, McNemar p-values against each reference
     */
    public static HorizonEvaluation categories(int[][] truth, Map<String, int[][]> forecasts, java.util.List<String> references) {
        int h = truth.length == 0 ? 0 : truth[0].length;
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> p = new LinkedHashMap<>();
        for (String ref : references) {
            require(forecasts.containsKey(ref), "the reference '" + ref + "' is not among the forecasts " + forecasts.keySet());
            p.put(ref, new LinkedHashMap<>());
        }
        for (Map.Entry<String, int[][]> e : forecasts.entrySet()) {
            int[][] f = e.getValue();
            require(f.length == truth.length, e.getKey() + " has " + f.length + " forecasts for " + truth.length + " windows");
            double[] a = new double[h];
            for (int k = 0; k < h; k++) {
                int right = 0;
                for (int i = 0; i < truth.length; i++) {
                    right += f[i][k] == truth[i][k] ? 1 : 0;
                }
                a[k] = right / (double) truth.length;
            }
            acc.put(e.getKey(), a);
            for (String ref : references) {
                if (!ref.equals(e.getKey())) {
                    double[] pv = new double[h];
                    for (int k = 0; k < h; k++) {
                        pv[k] = McNemar.pValue(column(truth, k), column(f, k), column(forecasts.get(ref), k));
                    }
                    p.get(ref).put(e.getKey(), pv);
                }
            }
        }
        return new HorizonEvaluation(acc, null, p, true, truth.length);
    }

    /** @return the forecasters' names, in report order */
    public java.util.List<String> forecasters() {
        return java.util.List.copyOf(score.keySet());
    }

    /** @return windows scored */
    public int windows() {
        return windows;
    }

    /**
     * @param forecaster a name
     * @return its score per day ahead (RMSE for prices, accuracy for categories)
     */
    public double[] score(String forecaster) {
        return score.get(forecaster).clone();
    }

    /**
     * @param forecaster a name
     * @return its MAE per day ahead (prices), or null for categories
     */
    public double[] mae(String forecaster) {
        return secondary == null ? null : secondary.get(forecaster).clone();
    }

    /**
     * @param forecaster a name
     * @return the mean of its score over the days ahead
     */
    public double meanScore(String forecaster) {
        return java.util.Arrays.stream(score.get(forecaster)).average().orElse(Double.NaN);
    }

    /**
     * @param forecaster a name
     * @param reference  a reference
     * @return the p-value per day of the test of forecaster against reference, or null when not tested
     */
    public double[] pValues(String forecaster, String reference) {
        Map<String, double[]> m = pValues.get(reference);
        return m == null || !m.containsKey(forecaster) ? null : m.get(forecaster).clone();
    }

    /**
     * @param forecaster a name
     * @param reference  a reference
     * @return days on which forecaster scores better than reference with p below {@link #ALPHA}
     */
    public int betterDays(String forecaster, String reference) {
        return days(forecaster, reference, true);
    }

    /**
     * @param forecaster a name
     * @param reference  a reference
     * @return days on which forecaster scores worse than reference with p below {@link #ALPHA}
     */
    public int worseDays(String forecaster, String reference) {
        return days(forecaster, reference, false);
    }

    private int days(String forecaster, String reference, boolean better) {
        double[] p = pValues(forecaster, reference);
        if (p == null) {
            return 0;
        }
        double[] a = score.get(forecaster);
        double[] b = score.get(reference);
        int n = 0;
        for (int k = 0; k < p.length; k++) {
            boolean aBetter = higherIsBetter ? a[k] > b[k] : a[k] < b[k];
            boolean bBetter = higherIsBetter ? a[k] < b[k] : a[k] > b[k];
            if (p[k] < ALPHA && (better ? aBetter : bBetter)) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param forecaster a name
     * @param reference  a reference
     * @return one sentence: significantly better on how many days, worse on how many, or neither
     */
    public String sentence(String forecaster, String reference) {
        int b = betterDays(forecaster, reference);
        int w = worseDays(forecaster, reference);
        int h = score.get(forecaster).length;
        if (b == 0 && w == 0) {
            return forecaster + " is not significantly different from " + reference + " on any of " + h + " days ahead";
        }
        return forecaster + " is significantly better than " + reference + " on " + b + " and worse on " + w + " of " + h
                + " days ahead (p < " + ALPHA + ")";
    }

    private static double[] squared(double[][] f, double[][] truth, int k) {
        double[] out = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            double d = f[i][k] - truth[i][k];
            out[i] = d * d;
        }
        return out;
    }

    private static int[] column(int[][] m, int k) {
        int[] out = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][k];
        }
        return out;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
