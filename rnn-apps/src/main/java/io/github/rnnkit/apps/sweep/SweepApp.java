package io.github.rnnkit.apps.sweep;

import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.PlanRunners;
import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.TrainingTask;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.split.WalkForward;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A hyper-parameter sweep as a user runs it: every configuration of the grid trained with every seed
 * on every walk-forward fold through a {@link PlanRunner} (threads here or Spark), ranked on mean
 * validation loss, the winner retrained once per seed on the default split and scored on the test
 * part against the baselines. Outcomes are saved as they arrive ({@code results.jsonl} in the run
 * folder), so that {@code --resume} continues a killed sweep without redoing finished tasks.
 */
public final class SweepApp {
    static final String RESULTS = "results.jsonl";
    static final String OPTIONS = "progress-options.txt";

    private SweepApp() {
    }

    /**
     * @param o        the grid, the runner and the run folder
     * @param progress receives a line per finished task
     * @return the ranking, the winner's test outcomes and the report's path
     * @throws IllegalArgumentException when the series cannot hold the folds, or a resumed run had other options
     */
    public static SweepResult run(SweepOptions o, Consumer<String> progress) {
        long start = System.nanoTime();
        String series = checkSeries(o.grid());
        List<TrainingTask> plan = o.grid().tasks();
        try (RunFolder folder = RunFolder.resumable(o.out(), "sweep", o.mode());
             PlanRunner runner = PlanRunners.forMaster(o.master(), o.workers())) {
            folder.requireSameOptions(OPTIONS, o.describe());
            Path results = folder.progressFile(RESULTS);
            int total = plan.size();
            int[] done = {0};
            progress.accept(String.format(Locale.ROOT, "Sweep of %d tasks on %s", total, runner.describe()));
            List<TaskOutcome> outcomes = runner.run(plan, results, t -> progress.accept(line(++done[0], total, t)));
            List<SweepGrid.Scored> ranked = SweepGrid.ranked(outcomes);
            SweepGrid.Scored best = SweepGrid.best(outcomes);
            progress.accept("Best on validation: " + best.configuration() + "; retraining it on the default split, once per seed");
            List<TrainingTask> finalPlan = o.grid().finalTasks(best);
            List<TaskOutcome> finals = runner.run(finalPlan, results, t -> progress.accept(line(0, 0, t)));
            Path model = null;
            TaskOutcome kept = finals.get(0);
            if (kept.ok() && kept.bundle() != null) {
                model = folder.dir().resolve("best-model");
                kept.saveBundle(folder.folder("best-model"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            SweepResult partial = new SweepResult(folder.dir(), null, runner.describe(), ranked, finals, model, seconds);
            folder.table("grid", SweepReport.gridTable(partial));
            folder.table("test", SweepReport.testTable(partial));
            folder.chart("grid", chart(partial, series));
            Path report = folder.text("report.md", SweepReport.markdown(o, series, partial));
            folder.dropProgress(OPTIONS);
            folder.commit();
            return new SweepResult(folder.dir(), report, runner.describe(), ranked, finals, model, seconds);
        }
    }

    private static String line(int n, int total, TaskOutcome t) {
        String head = total == 0 ? "test" : String.format(Locale.ROOT, "%d/%d", n, total);
        return t.ok() ? String.format(Locale.ROOT, "  %s %s: validation loss %.4f, %s %.4f (%.1f s)", head, t.id(), t.validationLoss(),
                t.metric(), t.model(), t.seconds()) : String.format(Locale.ROOT, "  %s %s FAILED: %s", head, t.id(), t.error());
    }

    /** Reads the series once on the driver, so that a wrong file, column or fold count stops the sweep before it starts. */
    static String checkSeries(SweepGrid grid) {
        TrainingTask base = grid.base();
        CsvTable table;
        String column = base.column();
        String name;
        if (base.sample() != null) {
            SampleDataset s = SampleDataset.byId(base.sample());
            table = s.table();
            column = column == null ? s.defaultColumn() : column;
            name = "sample " + s.id();
        } else {
            table = CsvTable.read(Path.of(base.csv()));
            name = base.csv();
        }
        SeriesReader reader = SeriesReader.of(table);
        SeriesKind kind = reader.inferKind(column);
        int steps = kind == SeriesKind.CATEGORICAL ? reader.categorical(column).length() : reader.prices(column).length();
        if (grid.folds() > 0) {
            try {
                WalkForward.validationFolds(steps, SplitFractions.DEFAULT, grid.folds());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--folds: " + e.getMessage(), e);
            }
        }
        return String.format(Locale.ROOT, "%s, column %s (%s, %,d steps)", name, column, kind.name().toLowerCase(Locale.ROOT), steps);
    }

    private static LineChart chart(SweepResult r, String series) {
        List<SweepGrid.Scored> ok = r.ranked().stream().filter(s -> !Double.isNaN(s.validation())).toList();
        String metric = ok.get(0).outcomes().stream().filter(TaskOutcome::ok).findFirst().map(TaskOutcome::metric).orElse("metric");
        LineChart.Builder c = LineChart.builder("Sweep on " + SweepReport.shortName(series) + ": validation " + metric
                        + " per configuration", "configuration, best mean validation loss first",
                "mean " + metric + " on the validation folds").optXCategories(ok.stream().map(s -> String.valueOf(ok.indexOf(s) + 1))
                .toList());
        double[] x = new double[ok.size()];
        double[] y = new double[ok.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = ok.get(i).meanMetric();
        }
        c.add(LineChart.Series.points("configurations (numbered as in grid.csv)", x, y));
        double hi = Math.max(1, x.length - 1);
        // baselines differ a little between look-backs (windows start later); the winner's windows stand for all
        ok.get(0).meanBaselines().forEach((b, v) -> c.add(LineChart.Series.horizontal(b + " (" + Table.num(v, 4) + ")", 0, hi, v)));
        return c.build();
    }
}
