package io.github.rnnkit.core.eval;

/**
 * The model against one baseline on the primary metric.
 *
 * @param baseline        the baseline's name
 * @param metric          the metric's name, e.g. {@code accuracy} or {@code RMSE}
 * @param model           the model's value
 * @param baselineValue   the baseline's value
 * @param higherIsBetter  whether larger values are better
 */
public record Comparison(String baseline, String metric, double model, double baselineValue, boolean higherIsBetter) {
    /** @return true when the model is strictly better than the baseline */
    public boolean modelWins() {
        return higherIsBetter ? model > baselineValue : model < baselineValue;
    }

    /** @return e.g. {@code beats persistence (accuracy 0.71 vs 0.63)} */
    public String sentence() {
        return (modelWins() ? "beats " : "does NOT beat ") + baseline + " (" + metric + " "
                + String.format(java.util.Locale.ROOT, "%.4g vs %.4g", model, baselineValue) + ")";
    }
}
