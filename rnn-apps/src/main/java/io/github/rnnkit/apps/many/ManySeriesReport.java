package io.github.rnnkit.apps.many;

import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.run.LongSeries;
import io.github.rnnkit.core.run.SeriesSummary;
import io.github.rnnkit.core.run.TaskOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** many-series' table and report.md. */
final class ManySeriesReport {
    private ManySeriesReport() {
    }

    static Table table(ManySeriesResult r) {
        Table.Builder t = Table.builder("series", "model", "metric", "value", "baseline", "baseline_value", "p_value", "better");
        add(t, "own model", r.perSeries());
        add(t, "global model", r.global());
        return t.build();
    }

    private static void add(Table.Builder t, String model, List<TaskOutcome> outcomes) {
        for (TaskOutcome o : outcomes) {
            if (!o.ok()) {
                t.row(o.id(), model, "failed: " + o.error(), "", "", "", "", "");
                continue;
            }
            o.baselines().forEach((b, v) -> t.row(o.id(), model, o.metric(), Table.num(o.model(), 5), b, Table.num(v, 5),
                    Table.num(o.pValues().getOrDefault(b, Double.NaN), 3), TaskOutcome.better(o.metric(), o.model(), v)));
        }
    }

    static String markdown(ManySeriesOptions o, LongSeries source, ManySeriesResult r) {
        StringBuilder b = new StringBuilder("# Many series\n\n");
        int n = Math.max(r.perSeries().size(), r.global().size());
        b.append(String.format(Locale.ROOT, "File: %s (%s), series column `%s`, values `%s`%s: %d series. Each series is split 70/15/15 "
                        + "on its own, scaled by scalers fitted on its own training part, and scored on its own test part in its own "
                        + "units against its own baselines (Diebold-Mariano or McNemar p-values).%n%n",
                o.source() == null ? "input.csv" : source.csv(), o.source() == null ? "synthetic: 4 random walks, 4 mean-reverting "
                        + "series, 1 too short" : "given", source.seriesColumn(), source.valueColumn(),
                source.dateColumn() == null ? "" : ", dates `" + source.dateColumn() + "`", n));
        var m = o.model();
        b.append(String.format(Locale.ROOT, "Model: %s, hidden %s, look-back %d, at most %d epochs (patience %d), Adam %s, seed %d. "
                + "Whole run %.0f s%s.%n%n", m.cell(), m.hidden(), m.lookBack(), m.epochs(), m.patience(), m.learningRate(), m.seed(),
                r.seconds(), r.runner().isEmpty() ? "" : "; per-series models on " + r.runner()));
        b.append("## Summary\n\n");
        if (!r.perSeries().isEmpty()) {
            b.append("- One model per series: ").append(SeriesSummary.of(r.perSeries()).line()).append(".\n");
        }
        if (!r.global().isEmpty()) {
            b.append("- One global model: ").append(SeriesSummary.of(r.global()).line()).append(".\n");
        }
        if (r.paired() != null) {
            SeriesSummary.Paired p = r.paired();
            b.append(String.format(Locale.ROOT, "- Global against per-series: the global model is better on %d series, worse on %d "
                    + "(sign test p = %.3g%s).%n", p.wins(), p.losses(), p.pValue(), p.pValue() < 0.05 ? "" : ": not significant, no "
                    + "winner"));
        }
        b.append("\n\"Better\" compares the test metric with each baseline's; \"significantly\" needs p < 0.05 against every "
                + "baseline. A series on which the model is not significantly better is one where it does not beat its baselines.\n\n");
        b.append("## Per series\n\n").append(table(r).markdown());
        List<String> failed = new ArrayList<>();
        r.perSeries().stream().filter(t -> !t.ok()).forEach(t -> failed.add(t.id() + ": " + t.error()));
        if (!failed.isEmpty()) {
            b.append("\n## Series that could not be used\n\n");
            failed.forEach(f -> b.append("- ").append(f).append('\n'));
        }
        return b.toString();
    }
}
