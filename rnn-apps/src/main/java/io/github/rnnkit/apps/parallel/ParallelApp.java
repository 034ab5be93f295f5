package io.github.rnnkit.apps.parallel;

import io.github.rnnkit.apps.memory.MemoryApp;
import io.github.rnnkit.apps.memory.MemoryTask;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.data.window.SequenceSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The parallel-scan walkthrough. Part 1 answers the articles' complaint that a recurrent network
 * cannot be parallelised over time: time per epoch of every cell, all of the same width, against
 * the look-back, on the adding problem at that lag, with the error each reaches in the same few epochs. Part 2 measures
 * what minGRU and minLSTM give up for their speed: the adding problem, delayed recall and selective
 * copying for every cell at 1 to 3 layers, every network of a depth matched in parameters to a GRU
 * of that depth, with the same budget.
 */
public final class ParallelApp {
    private ParallelApp() {
    }

    /**
     * One timing run.
     *
     * @param lookBack the sequence length
     * @param run      the run (one layer)
     */
    public record TimingRun(int lookBack, MemoryApp.SizedRun run) {
        /** @return seconds of the fastest epoch, training and validation (the others include more of the JVM's warm-up) */
        public double secondsPerEpoch() {
            return run.fastestEpochSeconds();
        }
    }

    /**
     * One accuracy run.
     *
     * @param task  the task and its lag
     * @param depth stacked layers
     * @param run   the run
     */
    public record AccuracyRun(ParallelOptions.TaskAtLag task, int depth, MemoryApp.SizedRun run) {
    }

    /**
     * What {@code rnnkit parallel} produced.
     *
     * @param dir      the run folder
     * @param report   its report.md
     * @param timing   the timing runs
     * @param accuracy the accuracy runs
     * @param seconds  the whole run's wall time
     */
    public record Result(Path dir, Path report, List<TimingRun> timing, List<AccuracyRun> accuracy, double seconds) {
    }

    /**
     * @param o        what to run
     * @param progress receives a line after each run
     * @return the runs and the report's path
     */
    public static Result run(ParallelOptions o, Consumer<String> progress) {
        long start = System.nanoTime();
        try (RunFolder folder = RunFolder.create(o.out(), "parallel", o.force())) {
            List<TimingRun> timing = new ArrayList<>();
            // Untimed first: the JVM compiles each cell's code over its first seconds, which would count against
            // whichever look-back ran first (measured without this: the vanilla RNN's first epochs, at look-back
            // 10, took 0.46 s each; at look-back 100, run later, 0.21 s).
            for (CellType cell : o.cells()) {
                MemoryApp.one(new MemoryApp.Budget(Math.min(256, o.timing().trainCount()), 20, 1, o.timing().learningRate()),
                        MemoryTask.ADDING, cell, new int[]{o.referenceHidden()}, o.lookBacks().get(0), o.seeds().get(0), false);
            }
            for (int lookBack : o.lookBacks()) {
                ParallelOptions.TaskAtLag t = new ParallelOptions.TaskAtLag(MemoryTask.ADDING, lookBack);
                for (CellType cell : o.cells()) {
                    // The same width for every cell: matched in parameters, a min cell would get about 15 times the
                    // units (it has no recurrent weights), and its time would measure the width, not the recurrence.
                    MemoryApp.SizedRun r = MemoryApp.one(o.timing(), MemoryTask.ADDING, cell, new int[]{o.referenceHidden()},
                            lookBack, o.seeds().get(0), false);
                    TimingRun tr = new TimingRun(lookBack, r);
                    timing.add(tr);
                    progress.accept(String.format(java.util.Locale.ROOT, "  time, look-back %5d  %-12s %6.2f s per epoch, test MSE %.4f",
                            lookBack, cell.displayName(), tr.secondsPerEpoch(), r.run().testError()));
                }
            }
            List<AccuracyRun> accuracy = new ArrayList<>();
            for (ParallelOptions.TaskAtLag t : o.tasks()) {
                for (int depth : o.depths()) {
                    for (CellType cell : o.cells()) {
                        for (long seed : o.seeds()) {
                            MemoryApp.SizedRun r = MemoryApp.one(o.budgets().get(t.task()), t.task(), cell, matched(o, t, cell, depth),
                                    t.lag(), seed, true);
                            accuracy.add(new AccuracyRun(t, depth, r));
                            progress.accept(String.format(java.util.Locale.ROOT,
                                    "  %-34s %d layer%s %-12s seed %d: %s %.4f%s after %,d updates (%.0f s)", t, depth,
                                    depth == 1 ? " " : "s", cell.displayName(), seed, t.task().errorName(), r.run().testError(),
                                    r.run().solved() ? " solved" : "", r.run().updates(), r.run().seconds()));
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Result partial = new Result(folder.dir(), null, timing, accuracy, seconds);
            folder.table("timing", ParallelReport.timingTable(partial));
            folder.table("accuracy", ParallelReport.accuracyTable(partial));
            folder.chart("time-per-epoch", timingChart(o, timing));
            for (ParallelOptions.TaskAtLag t : o.tasks()) {
                folder.chart("accuracy-" + t.task().label(), accuracyChart(o, t, accuracy));
            }
            Path report = folder.text("report.md", ParallelReport.markdown(o, partial));
            folder.commit();
            return new Result(folder.dir(), report, timing, accuracy, seconds);
        }
    }

    /**
     * @return hidden sizes, {@code depth} layers of equal size, whose network has about the parameters
     *         of a GRU of {@link ParallelOptions#referenceHidden()} units per layer on this task
     */
    static int[] matched(ParallelOptions o, ParallelOptions.TaskAtLag t, CellType cell, int depth) {
        SequenceSet shape = t.task().generate(1, t.lag(), 0);
        int in = shape.featureCount();
        int out = shape.targetCount();
        long target = ParameterMatch.count(CellType.GRU, in, o.referenceHidden(), out, depth);
        int[] sizes = new int[depth];
        Arrays.fill(sizes, ParameterMatch.hiddenFor(cell, in, out, target, depth));
        return sizes;
    }

    private static LineChart timingChart(ParallelOptions o, List<TimingRun> runs) {
        LineChart.Builder c = LineChart.builder("Seconds per epoch against look-back (adding problem, "
                        + String.format(java.util.Locale.ROOT, "%,d", o.timing().trainCount()) + " sequences)", "look-back (steps)",
                "seconds per epoch").optLogX().optLogY();
        for (CellType cell : o.cells()) {
            double[] x = runs.stream().filter(r -> r.run().run().cell() == cell).mapToDouble(TimingRun::lookBack).toArray();
            double[] y = runs.stream().filter(r -> r.run().run().cell() == cell).mapToDouble(TimingRun::secondsPerEpoch).toArray();
            c.add(new LineChart.Series(cell.displayName(), x, y));
        }
        return c.build();
    }

    private static LineChart accuracyChart(ParallelOptions o, ParallelOptions.TaskAtLag t, List<AccuracyRun> runs) {
        LineChart.Builder c = LineChart.builder(t + ": " + t.task().errorName() + " by depth (best seed)", "layers",
                t.task().errorName()).optXCategories(o.depths().stream().map(String::valueOf).toList());
        double[] x = new double[o.depths().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        for (CellType cell : o.cells()) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int depth = o.depths().get(i);
                y[i] = runs.stream().filter(r -> r.task().equals(t) && r.depth() == depth && r.run().run().cell() == cell)
                        .mapToDouble(r -> r.run().run().testError()).min().orElse(Double.NaN);
            }
            c.add(LineChart.Series.points(cell.displayName(), x, y));
        }
        double hi = Math.max(1, x.length - 1);
        c.add(LineChart.Series.horizontal("solved below " + t.task().threshold(), 0, hi, t.task().threshold()));
        c.add(LineChart.Series.horizontal("chance (" + Table.num(t.task().chance(), 3) + ")", 0, hi, t.task().chance()));
        return c.build();
    }
}
