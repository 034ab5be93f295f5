package io.github.rnnkit.apps.many;

import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.run.GlobalSeriesModel;
import io.github.rnnkit.core.run.LongSeries;
import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.PlanRunners;
import io.github.rnnkit.core.run.SeriesSummary;
import io.github.rnnkit.core.run.SeriesTask;
import io.github.rnnkit.core.run.TaskOutcome;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Many series as a user runs them: one model per series through a plan runner (threads or Spark),
 * and/or one global model across them, each series scored on its own test part against its own
 * baselines; a per-series table, how many series each approach beats its baselines on, and the two
 * approaches against each other series by series.
 */
public final class ManySeriesApp {
    static final String RESULTS = "results.jsonl";
    static final String OPTIONS = "progress-options.txt";

    private ManySeriesApp() {
    }

    /**
     * @param o        the file, the model, the approaches and the runner
     * @param progress receives a line per finished series
     * @return the outcomes, the summaries and the report's path
     */
    public static ManySeriesResult run(ManySeriesOptions o, Consumer<String> progress) {
        long start = System.nanoTime();
        try (RunFolder folder = RunFolder.resumable(o.out(), "many-series", o.mode());
             PlanRunner runner = o.perSeries() ? PlanRunners.forMaster(o.master(), o.workers()) : null) {
            folder.requireSameOptions(OPTIONS, o.describe());
            LongSeries source = o.source();
            if (source == null) {
                folder.saveProgress("input.csv", ExamplePanel.csv(o.model().seed()));
                source = new LongSeries(folder.progressFile("input.csv").toString(), "series", "value", "date",
                        folder.dir().resolve("input.csv").toString());
            }
            List<String> names = source.names();
            List<TaskOutcome> own = List.of();
            String where = "";
            if (runner != null) {
                where = runner.describe();
                LongSeries s = source;
                List<SeriesTask> plan = names.stream().map(n -> new SeriesTask(n, s, o.model())).toList();
                progress.accept(String.format(Locale.ROOT, "One model per series: %d series on %s", plan.size(), where));
                own = runner.run(plan, folder.progressFile(RESULTS), t -> progress.accept(line("own model", t)));
            }
            List<TaskOutcome> global = List.of();
            if (o.global()) {
                progress.accept(String.format(Locale.ROOT, "One global model over %d series (in this process)", names.size()));
                global = GlobalSeriesModel.train(source, o.model());
                global.forEach(t -> progress.accept(line("global", t)));
            }
            SeriesSummary.Paired paired = own.isEmpty() || global.isEmpty() ? null : SeriesSummary.Paired.of(global, own);
            double seconds = (System.nanoTime() - start) / 1e9;
            ManySeriesResult partial = new ManySeriesResult(folder.dir(), null, where, own, global, paired, seconds);
            folder.table("series", ManySeriesReport.table(partial));
            var report = folder.text("report.md", ManySeriesReport.markdown(o, source, partial));
            folder.dropProgress(OPTIONS);
            folder.commit();
            return new ManySeriesResult(folder.dir(), report, where, own, global, paired, seconds);
        }
    }

    private static String line(String approach, TaskOutcome t) {
        return t.ok() ? String.format(Locale.ROOT, "  %-9s %-14s %s %.4f, %s (%.1f s)", approach, t.id(), t.metric(), t.model(),
                baselines(t), t.seconds()) : String.format(Locale.ROOT, "  %-9s %-14s FAILED: %s", approach, t.id(), t.error());
    }

    static String baselines(TaskOutcome t) {
        StringBuilder b = new StringBuilder();
        t.baselines().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f (p %.2g)", k, v,
                t.pValues().getOrDefault(k, Double.NaN))));
        return b.toString();
    }
}
