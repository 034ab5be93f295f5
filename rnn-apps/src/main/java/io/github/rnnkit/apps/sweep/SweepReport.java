package io.github.rnnkit.apps.sweep;

import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TaskOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sweep's tables and report.md. */
final class SweepReport {
    /** Configurations the report lists; grid.csv has them all. */
    static final int TOP = 15;

    private SweepReport() {
    }

    static Table gridTable(SweepResult r) {
        List<String> baselines = new ArrayList<>(r.ranked().get(0).meanBaselines().keySet());
        List<String> header = new ArrayList<>(List.of("rank", "configuration", "tasks", "failed", "validation_loss_mean",
                "validation_loss_sd", "validation_metric_mean"));
        baselines.forEach(b -> header.add(b.replace(' ', '_')));
        Table.Builder t = Table.builder(header.toArray(new String[0]));
        int rank = 0;
        for (SweepGrid.Scored s : r.ranked()) {
            List<Object> row = new ArrayList<>(List.of(++rank, s.configuration(), s.outcomes().size(), s.failures(),
                    Table.num(s.validation(), 5), Table.num(s.validationSd(), 3), Table.num(s.meanMetric(), 4)));
            Map<String, Double> mb = s.meanBaselines();
            baselines.forEach(b -> row.add(Table.num(mb.getOrDefault(b, Double.NaN), 4)));
            t.row(row.toArray());
        }
        return t.build();
    }

    static Table testTable(SweepResult r) {
        Table.Builder t = Table.builder("task", "metric", "model", "baseline", "baseline_value", "p_value", "better");
        for (TaskOutcome o : r.finals()) {
            if (!o.ok()) {
                t.row(o.id(), "failed: " + o.error(), "", "", "", "", "");
                continue;
            }
            o.baselines().forEach((b, v) -> t.row(o.id(), o.metric(), Table.num(o.model(), 4), b, Table.num(v, 4),
                    Table.num(o.pValues().getOrDefault(b, Double.NaN), 3), TaskOutcome.better(o.metric(), o.model(), v)));
        }
        return t.build();
    }

    private static boolean beatsBaselines(SweepGrid.Scored s) {
        String metric = s.outcomes().stream().filter(TaskOutcome::ok).findFirst().map(TaskOutcome::metric).orElse("");
        double m = s.meanMetric();
        return s.meanBaselines().values().stream().allMatch(v -> TaskOutcome.better(metric, m, v));
    }

    static String shortName(String series) {
        int cut = series.indexOf(" (");
        return cut < 0 ? series : series.substring(0, cut);
    }

    static String markdown(SweepOptions o, String series, SweepResult r) {
        SweepGrid g = o.grid();
        StringBuilder b = new StringBuilder("# Sweep\n\n");
        int configs = r.ranked().size();
        long tasks = r.ranked().stream().mapToLong(s -> s.outcomes().size()).sum();
        long failed = r.ranked().stream().mapToLong(SweepGrid.Scored::failures).sum();
        b.append(String.format(Locale.ROOT, "Series: %s. %d configurations × %d seeds%s = %d training tasks (%d failed), run on %s "
                        + "in %.0f s, then the winner retrained once per seed.%n%n", series, configs, g.seeds().size(),
                g.folds() > 0 ? " × " + g.folds() + " walk-forward folds" : "", tasks, failed, r.runner(), r.seconds()));
        b.append("Grid: cells ").append(g.cells()).append(", hidden ").append(g.hidden()).append(", look-backs ").append(g.lookBacks())
                .append(", learning rates ").append(g.learningRates()).append(", clipping ").append(g.clippings())
                .append(", truncated BPTT ").append(g.tbptts()).append(", seeds ").append(g.seeds()).append("; at most ")
                .append(g.base().epochs()).append(" epochs, patience ").append(g.base().patience()).append(".\n\n");
        b.append(g.folds() > 0 ? String.format(Locale.ROOT, "Selection: walk-forward. The part before the test part (85 %% of the "
                + "series) ends in %d validation blocks of 15 %% each; each fold trains on everything before its block (early "
                + "stopping on the block) and is scored on it. Configurations are ranked by their validation loss averaged over "
                + "folds and seeds; the test part is not looked at until the winner is chosen.%n%n", g.folds())
                : "Selection: the default split's validation part (70/15/15); the test part is not looked at until the winner is chosen.\n\n");
        b.append("## Grid, best first (validation)\n\n");
        Table grid = gridTable(r);
        b.append(new Table(grid.header(), grid.rows().subList(0, Math.min(TOP, grid.rows().size()))).markdown());
        if (grid.rows().size() > TOP) {
            b.append(String.format(Locale.ROOT, "%n%d more in grid.csv.%n", grid.rows().size() - TOP));
        }
        b.append("\nThe validation metric beside the baselines' on the same validation windows (grid.png). ");
        SweepGrid.Scored best = r.ranked().get(0);
        long better = r.ranked().stream().filter(s -> !Double.isNaN(s.validation()) && beatsBaselines(s)).count();
        b.append(String.format(Locale.ROOT, "%d of %d configurations have a better mean validation metric than every baseline's "
                + "(a mean over folds, not a significance test). ", better, configs));
        if (r.ranked().size() > 1 && !Double.isNaN(r.ranked().get(1).validation())) {
            SweepGrid.Scored second = r.ranked().get(1);
            double gap = second.validation() - best.validation();
            double sd = best.validationSd();
            b.append(String.format(Locale.ROOT, "The winner's lead over the runner-up is %.4g in mean validation loss, %s the "
                    + "spread of its own tasks (sd %.3g over seeds and folds), so the ranking near the top is %s.%n",
                    gap, Double.isNaN(sd) || gap < sd ? "less than" : "more than", sd,
                    Double.isNaN(sd) || gap < sd ? "not reliable" : "clearer"));
        }
        List<TaskOutcome> failures = r.ranked().stream().flatMap(s -> s.outcomes().stream()).filter(t -> !t.ok()).toList();
        if (!failures.isEmpty()) {
            b.append("\n## Failed tasks\n\n");
            failures.stream().limit(TOP).forEach(t -> b.append("- ").append(t.id()).append(": ").append(t.error()).append('\n'));
        }
        b.append("\n## The winner on the test part\n\n").append(best.configuration()).append(", retrained on the default split ")
                .append("(70/15/15) once per seed:\n\n").append(testTable(r).markdown());
        long ok = r.finals().stream().filter(TaskOutcome::ok).count();
        long beats = r.seedsBeatingAllBaselines();
        b.append(String.format(Locale.ROOT, "%nVerdict: the winner beats every baseline significantly (p < 0.05) on %d of %d seeds%s.%n",
                beats, ok, beats == 0 ? ": it does not reliably beat its baselines" : beats < ok ? ": not on every seed, so no "
                        + "reliable advantage" : ""));
        if (r.model() != null) {
            b.append("\nThe first seed's model is in best-model/ (`rnnkit predict --model ").append(r.dir().resolve("best-model"))
                    .append(g.base().sample() != null ? " --sample " + g.base().sample() : " --csv " + g.base().csv()).append("`).\n");
        }
        b.append("\nEvery task's outcome, one JSON line each: results.jsonl.\n");
        return b.toString();
    }
}
