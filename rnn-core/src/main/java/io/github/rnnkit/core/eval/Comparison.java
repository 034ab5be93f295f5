package io.github.rnnkit.core.eval;

/**
 * The model against one baseline on the primary metric.
 *
 * @param baseline        the baseline's name
 * @param metric          the metric's name, e.g. {@code accuracy} or {@code RMSE}
 * @param model           the model's value
 * @param baselineValue   the baseline's value
 * @param higherIsBetter  whether larger values are better
 * @param pValue          p-value of a paired test of the difference (McNemar's for categories),
 *                        or NaN when none was made
 */
public record Comparison(String baseline, String metric, double model, double baselineValue, boolean higherIsBetter,
                         double pValue) {
    /**
     * A comparison without a significance test.
     *
     * @param baseline the baseline's name
     * @param metric the metric's name
     * @param model the model's value
     * @param baselineValue the baseline's value
     * @param higherIsBetter whether larger values are better
     */
    public Comparison(String baseline, String metric, double model, double baselineValue, boolean higherIsBetter) {
        this(baseline, metric, model, baselineValue, higherIsBetter, Double.NaN);
    }

    /** @return true when the model is strictly better than the baseline */
    public boolean modelWins() {
        return higherIsBetter ? model > baselineValue : model < baselineValue;
    }

    /** @return true when a paired test was made and found the difference significant at 5 % */
    public boolean significant() {
        return pValue < 0.05;
    }

    /** @return e.g. {@code beats persistence (accuracy 0.7100 vs 0.6300; McNemar p = 0.012)} */
    public String sentence() {
        String test = Double.isNaN(pValue) ? "" : String.format(java.util.Locale.ROOT, "; McNemar p = %.3g%s", pValue,
                significant() ? "" : ", not significant at 5 %");
        return (modelWins() ? "beats " : "does NOT beat ") + baseline + " (" + metric + " "
                + String.format(java.util.Locale.ROOT, "%.4g vs %.4g", model, baselineValue) + test + ")";
    }
}
