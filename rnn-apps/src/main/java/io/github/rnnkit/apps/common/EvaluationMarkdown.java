package io.github.rnnkit.apps.common;

import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.ClassificationMetrics;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.ForecastMetrics;
import io.github.rnnkit.core.eval.PriceEvaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown tables of an evaluation: the model next to every baseline, and the verdict. */
public final class EvaluationMarkdown {
    private EvaluationMarkdown() {
    }

    /**
     * @param e a categorical evaluation
     * @return a Markdown table of the model's and the baselines' accuracy, macro F1 and log loss, with McNemar p-values
     */
    public static String categorical(CategoricalEvaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("| forecaster | accuracy | macro F1 | log loss |\n|---|---:|---:|---:|\n");
        row(sb, "**model**", e.model());
        for (Map.Entry<String, ClassificationMetrics> b : e.baselines().entrySet()) {
            row(sb, b.getKey(), b.getValue());
        }
        sb.append("\nConfusion matrix of the model (rows: actual, columns: forecast):\n\n| |");
        List<String> classes = e.model().classes();
        classes.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|").append("---:|".repeat(classes.size())).append('\n');
        int[][] m = e.model().confusion();
        for (int i = 0; i < classes.size(); i++) {
            sb.append("| ").append(classes.get(i)).append(" |");
            for (int j = 0; j < classes.size(); j++) {
                sb.append(' ').append(m[i][j]).append(" |");
            }
            sb.append('\n');
        }
        List<String> caveats = e.caveats();
        if (!caveats.isEmpty()) {
            sb.append('\n');
            caveats.forEach(c -> sb.append("- ").append(c).append('\n'));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, ClassificationMetrics m) {
        sb.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %s |%n", name, m.accuracy(), m.macroF1(),
                Double.isNaN(m.logLoss()) ? "n/a" : String.format(Locale.ROOT, "%.4f", m.logLoss())));
    }

    /**
     * @param e a price evaluation
     * @return a Markdown table of the model's and the baselines' MAE, RMSE, MAPE and directional accuracy, per horizon step
     */
    public static String price(PriceEvaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Errors in the series' own units, per forecast step.\n\n");
        sb.append("| forecaster | step | MAE | RMSE | MAPE % | direction right |\n|---|---:|---:|---:|---:|---:|\n");
        rows(sb, "**model**", e.model());
        for (Map.Entry<String, List<ForecastMetrics>> b : e.baselines().entrySet()) {
            rows(sb, b.getKey(), b.getValue());
        }
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String name, List<ForecastMetrics> steps) {
        for (int h = 0; h < steps.size(); h++) {
            ForecastMetrics m = steps.get(h);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.3f | %s |%n", name, h + 1, m.mae(), m.rmse(),
                    m.mape(), Double.isNaN(m.directional()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * m.directional())));
        }
    }

    /**
     * @param comparisons the model against each baseline
     * @return one line per baseline, and an overall sentence about the test part
     */
    public static String verdict(List<Comparison> comparisons) {
        return verdict(comparisons, "the test part");
    }

    /**
     * @param comparisons the model against each baseline
     * @param where what was evaluated, e.g. "the test part"
     * @return one line per baseline, and an overall sentence about {@code where} (e.g. "this data")
     */
    public static String verdict(List<Comparison> comparisons, String where) {
        StringBuilder sb = new StringBuilder();
        for (Comparison c : comparisons) {
            sb.append("- The model ").append(c.sentence()).append(".\n");
        }
        if (comparisons.stream().anyMatch(c -> c.verdict().equals("ahead, not significant"))) {
            sb.append("\nWhere a win is not significant, ").append(where).append(" is too small to tell the model "
                    + "from that baseline: treat them as equal.\n");
        }
        sb.append('\n').append(overall(comparisons, where)).append('\n');
        return sb.toString();
    }

    /**
     * @param comparisons the model against each baseline
     * @param where what was evaluated, e.g. "the test part"
     * @return one sentence: does the model beat the baselines on {@code where}, and is it sure?
     */
    public static String overall(List<Comparison> comparisons, String where) {
        boolean all = comparisons.stream().allMatch(Comparison::modelWins);
        boolean none = comparisons.stream().noneMatch(Comparison::modelWins);
        List<String> weak = comparisons.stream().filter(c -> c.verdict().equals("ahead, not significant"))
                .map(Comparison::baseline).toList();
        if (none) {
            return "**The model beats none of the baselines on " + where + ": it has learned nothing a simple rule "
                    + "does not already give.**";
        }
        if (!all) {
            return "**The model beats some baselines but not all: a simple rule is at least as good on " + where + ".**";
        }
        return weak.isEmpty() ? "**The model beats every baseline on " + where + ".**"
                : "**The model is ahead of every baseline on " + where + ", but not significantly ahead of "
                        + String.join(" and ", weak) + ".**";
    }
}
