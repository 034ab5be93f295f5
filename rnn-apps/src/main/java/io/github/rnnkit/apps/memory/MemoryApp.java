package io.github.rnnkit.apps.memory;

import io.github.rnnkit.apps.common.CellRun;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.net.MemoryBudget;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.eval.CategoricalForecast;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.EpochRecord;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.PlanRunners;

/**
 * The memory benchmark: for each cell, the longest dependency it learns within a fixed training
 * budget, on the adding problem and on delayed recall, swept over lags.
 */
public final class MemoryApp {
    static final int BATCH = 32;

    private MemoryApp() {
    }

    /**
     * @param onRun called after each run with the run and the time left, for progress
     * @param o tasks, cells, lags, seeds and budget
     * @return every run and the report's path
     */
    public static MemoryResult run(MemoryOptions o, Consumer<MemoryProgress> onRun) {
        return run(o, "threads", 1, onRun);
    }

    /**
     * Runs each lag's runs (every task, cell and seed not yet defeated at a shorter lag) at once through
     * a plan runner, shortest lag first, so that the runs made, their results and the report are those
     * of a sequential run.
     *
     * @param o       tasks, cells, lags, seeds and budget
     * @param master  {@code threads} (this process) or a Spark master such as {@code local[*]}
     * @param workers runs at once on threads
     * @param onRun   called after each run with the run and the time left, for progress
     * @return every run and the report's path
     */
    public static MemoryResult run(MemoryOptions o, String master, int workers, Consumer<MemoryProgress> onRun) {
        requireFits(o);
        long start = System.nanoTime();
        try (RunFolder folder = RunFolder.resumable(o.out(), "memory", o.write());
             PlanRunner runner = PlanRunners.forMaster(master, workers)) {
            List<MemoryRun> runs = new ArrayList<>(restore(folder, o));
            List<MemoryProgress.Planned> plan = new ArrayList<>();
            for (MemoryTask task : o.tasks()) {
                for (CellType cell : o.cells()) {
                    for (int lag : o.lags()) {
                        for (long seed : o.seeds()) {
                            plan.add(new MemoryProgress.Planned(task, cell, lag, seed));
                        }
                    }
                }
            }
            int[] done = {(int) plan.stream().filter(p -> ran(runs, p)).count()};
            for (int lag : o.lags()) {
                List<MemoryTrial> wave = new ArrayList<>();
                for (MemoryProgress.Planned p : plan) {
                    if (p.lag() == lag && !ran(runs, p) && (o.allLags() || !failedBefore(runs, p, o.seeds().size()))) {
                        wave.add(new MemoryTrial(p.task(), p.cell(), p.lag(), p.seed(), o.budget(p.task()), o.hidden()));
                    }
                }
                Map<String, MemoryTrial> byId = new java.util.HashMap<>();
                wave.forEach(t -> byId.put(t.id(), t));
                runner.run(wave, null, outcome -> {
                    synchronized (runs) {
                        runs.add(byId.get(outcome.id()).toRun(outcome));
                        folder.saveProgress(PROGRESS, MemoryRuns.csv(runs));
                        done[0]++;
                        List<MemoryProgress.Planned> remaining = new ArrayList<>();
                        for (MemoryProgress.Planned q : plan) {
                            if (!ran(runs, q) && (o.allLags() || !failedBefore(runs, q, o.seeds().size()))) {
                                remaining.add(q);
                            }
                        }
                        onRun.accept(MemoryProgress.of(o, runs, remaining, done[0], plan.size(), (System.nanoTime() - start) / 1e9));
                    }
                });
            }
            // in plan order, as a sequential run lists them, whatever order the runner finished them in
            runs.sort(java.util.Comparator.comparingInt(r -> plan.indexOf(new MemoryProgress.Planned(r.task(), r.cell(), r.lag(),
                    r.seed()))));
            MemoryResult partial = new MemoryResult(folder.dir(), null, List.of(), runs);
            Table.Builder all = Table.builder("task", "cell", "lag", "seed", "test_error", "solved", "updates", "seconds");
            runs.forEach(r -> all.row(r.task().label(), r.cell().label(), r.lag(), r.seed(), r.testError(), r.solved(), r.updates(),
                    r.seconds()));
            folder.table("runs", all.build());
            for (MemoryTask task : o.tasks()) {
                folder.chart("memory-" + task.label(), chart(o, partial, task));
            }
            var report = folder.text("report.md", MemoryReport.markdown(o, partial));
            folder.dropProgress(PROGRESS);
            folder.dropProgress(OPTIONS);
            folder.commit();
            return new MemoryResult(folder.dir(), report, folder.written(), runs);
        }
    }

    /** Every finished run so far, rewritten after each one: what a resumed run starts from. */
    static final String PROGRESS = "progress.csv";
    /** The options the run was started with ({@link MemoryOptions#describe()}). */
    static final String OPTIONS = "progress-options.txt";

    /**
     * @return the runs a killed run finished, when {@code folder} resumes it with the same options;
     *         none for a new run (whose options are recorded for a later resume)
     */
    private static List<MemoryRun> restore(RunFolder folder, MemoryOptions o) {
        if (!folder.resumed()) {
            folder.saveProgress(OPTIONS, o.describe() + "\n");
            return List.of();
        }
        String was = folder.readProgress(OPTIONS).orElse("").strip();
        if (!was.equals(o.describe())) {
            throw new IllegalArgumentException("the unfinished run in " + o.out() + " was started with " + (was.isEmpty()
                    ? "options it did not record" : was) + "; resume it with the same options (given: " + o.describe() + ")");
        }
        return MemoryRuns.parse(folder.readProgress(PROGRESS).orElse(""), o.out().resolve(PROGRESS).toString());
    }

    private static boolean ran(List<MemoryRun> runs, MemoryProgress.Planned p) {
        return runs.stream().anyMatch(r -> r.task() == p.task() && r.cell() == p.cell() && r.lag() == p.lag() && r.seed() == p.seed());
    }

    /** @return true when some shorter lag of {@code p}'s task and cell ran with every seed and none solved it */
    static boolean failedBefore(List<MemoryRun> runs, MemoryProgress.Planned p, int seeds) {
        java.util.Map<Integer, int[]> byLag = new java.util.HashMap<>();   // runs, solved
        for (MemoryRun r : runs) {
            if (r.task() == p.task() && r.cell() == p.cell() && r.lag() < p.lag()) {
                int[] c = byLag.computeIfAbsent(r.lag(), l -> new int[2]);
                c[0]++;
                c[1] += r.solved() ? 1 : 0;
            }
        }
        return byLag.values().stream().anyMatch(c -> c[0] == seeds && c[1] == 0);
    }

    /** The sequences of the longest lag must fit on the heap, before hours of training on the shorter ones. */
    private static void requireFits(MemoryOptions o) {
        int lag = o.lags().stream().mapToInt(Integer::intValue).max().orElse(1);
        long count = (long) o.trainCount() + Math.max(10, o.testCount() / 5) + o.testCount();
        for (MemoryTask task : o.tasks()) {
            int features = task.generate(1, 2, 0).featureCount();
            // each step is a double[features] row: 16 bytes of header plus 8 per value
            double bytes = (double) count * ((double) lag + MemoryTask.RECALL_PREFIX + 1) * (16 + 8.0 * features);
            MemoryBudget.requireHeap(bytes, String.format(java.util.Locale.ROOT, "%,d %s sequences of lag %,d",
                    count, task.label(), lag), "--lags or --train");
        }
    }

    /**
     * One training run of the memory experiment.
     *
     * @param o    the budget (sequence counts, hidden size, epochs, learning rate)
     * @param task adding or recall
     * @param cell the cell
     * @param lag  the dependency length
     * @param seed the seed of the data and the network
     * @return the run's test error, updates and time
     */
    public static MemoryRun one(MemoryOptions o, MemoryTask task, CellType cell, int lag, long seed) {
        return one(o, task, cell, lag, seed, true);
    }

    /**
     * One training run of the memory experiment.
     *
     * @param o    the budget (sequence counts, hidden size, epochs, learning rate)
     * @param task adding or recall
     * @param cell the cell
     * @param lag  the dependency length
     * @param seed the seed of the data and the network
     * @param stopWhenSolved stop once the validation loss reaches {@link MemoryTask#targetLoss()}; false
     *                       spends the whole budget (as a benchmark against another library must)
     * @return the run's test error, updates and time
     */
    public static MemoryRun one(MemoryOptions o, MemoryTask task, CellType cell, int lag, long seed, boolean stopWhenSolved) {
        return one(o.budget(task), task, cell,
                new int[]{o.hidden()}, lag, seed, stopWhenSolved).run();
    }

    /**
     * A training budget.
     *
     * @param trainCount   training sequences
     * @param testCount    test sequences (a fifth as many, at least 10, validate)
     * @param epochs       most epochs
     * @param learningRate Adam's learning rate
     * @serial exclude
     */
    public record Budget(int trainCount, int testCount, int epochs, double learningRate) implements java.io.Serializable {
        /** @return the most parameter updates the budget allows, at {@link #BATCH} sequences per update */
        public int maxUpdates() {
            return epochs * ((trainCount + BATCH - 1) / BATCH);
        }
    }

    /**
     * One run and the network it trained.
     *
     * @param run    the run's figures
     * @param hidden the hidden sizes, bottom layer first
     * @param params the network's trainable parameters
     * @param fastestEpochSeconds the shortest epoch's wall time, validation included (for timing)
     */
    public record SizedRun(MemoryRun run, int[] hidden, long params, double fastestEpochSeconds) {
    }

    /**
     * One training run of a memory task with any stack of layers.
     *
     * @param budget sequences, epochs and learning rate
     * @param task   the task
     * @param cell   the cell
     * @param hidden hidden sizes, bottom layer first
     * @param lag    the dependency length
     * @param seed   the seed of the data and the network
     * @param stopWhenSolved stop once the validation loss reaches {@link MemoryTask#targetLoss()}
     * @return the run, its sizes and parameter count
     */
    public static SizedRun one(Budget budget, MemoryTask task, CellType cell, int[] hidden, int lag, long seed,
                               boolean stopWhenSolved) {
        long base = (seed * 100_003L + lag * 10L) & 0xffffffffL;
        SequenceSet train = task.generate(budget.trainCount(), lag, base);
        SequenceSet validation = task.generate(Math.max(10, budget.testCount() / 5), lag, (base + 1) & 0xffffffffL);
        SequenceSet test = task.generate(budget.testCount(), lag, (base + 2) & 0xffffffffL);
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(train.featureCount())
                .setHiddenSizes(hidden).setOutputSize(train.targetCount()).setTask(task.modelTask())
                .optUpdater(UpdaterKind.ADAM, budget.learningRate()).optSeed(seed).build();
        CellRun run = CellRun.train(spec, train, validation,
                TrainerOptions.of(budget.epochs()).withBatchSize(BATCH).withSeed(seed).withPatience(budget.epochs())
                        .withTargetLoss(stopWhenSolved ? task.targetLoss() : Double.NaN));
        return new SizedRun(new MemoryRun(task, cell, lag, seed, testError(run, task, test), run.history().iterations().size(),
                run.history().totalSeconds()), hidden.clone(), run.params(),
                run.history().epochs().stream().mapToDouble(EpochRecord::seconds).min().orElse(Double.NaN));
    }

    /** @return test MSE (adding) or the share of symbols recalled wrong */
    static double testError(CellRun run, MemoryTask task, SequenceSet test) {
        double[][][] out = ModelOutputs.forecasts(run.net(), test);
        double sum = 0;
        for (int i = 0; i < test.size(); i++) {
            double target = test.get(i).targets()[0][0];
            if (task == MemoryTask.ADDING) {
                double e = out[i][0][0] - target;
                sum += e * e;
            } else {
                sum += CategoricalForecast.argMax(out[i][0]) == (int) target ? 0 : 1;
            }
        }
        return sum / test.size();
    }

    private static LineChart chart(MemoryOptions o, MemoryResult r, MemoryTask task) {
        LineChart.Builder c = LineChart.builder(task.title() + ": test error against dependency length (best of "
                + o.seeds().size() + " seed" + (o.seeds().size() > 1 ? "s" : "") + ")", "lag (steps)" + (o.allLags() ? ""
                        : "; a line ends where a cell's longer lags were not run"),
                task.errorName() + (task == MemoryTask.ADDING ? " (log scale)" : ""))
                .optXCategories(o.lags().stream().map(String::valueOf).toList());
        if (task == MemoryTask.ADDING) {
            c.optLogY();
        }
        double[] lags = new double[o.lags().size()];
        for (int i = 0; i < lags.length; i++) {
            lags[i] = i;
        }
        for (CellType cell : o.cells()) {
            double[] y = new double[lags.length];
            for (int i = 0; i < lags.length; i++) {
                y[i] = r.bestError(task, cell, o.lags().get(i)).orElse(Double.NaN);
            }
            c.add(new LineChart.Series(cell.displayName(), lags, y));
        }
        double lo = 0;
        double hi = Math.max(1, lags.length - 1);
        c.add(LineChart.Series.horizontal("solved below " + task.threshold(), lo, hi, task.threshold()));
        c.add(LineChart.Series.horizontal("chance (" + Table.num(task.chance(), 3) + ")", lo, hi, task.chance()));
        return c.build();
    }
}
