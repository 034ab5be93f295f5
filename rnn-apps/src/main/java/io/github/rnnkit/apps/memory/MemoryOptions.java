package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit memory} runs: every (cell, lag, seed) of a task gets the same budget.
 *
 * @param tasks        the tasks
 * @param cells        the cells
 * @param lags         dependency lengths, in steps, run shortest first
 * @param seeds        seeds; a lag counts as solved when any seed solves it
 * @param hidden       hidden units, the same for every cell
 * @param trainCount   training sequences
 * @param testCount    test sequences (and a validation set of a fifth as many, to keep the best epoch)
 * @param epochs       most epochs over the training sequences, or null for each task's {@link MemoryTask#epochs()}
 * @param learningRate Adam's learning rate, or null for each task's {@link MemoryTask#learningRate()}
 * @param allLags      run every lag; by default a cell's longer lags are skipped once no seed solved a lag
 * @param out          run folder, or null for {@code runs/memory-<timestamp>}
 * @param write        refuse a run already in {@code out}, replace it (atomically), or resume the unfinished
 *                     one a killed run left there
 */
public record MemoryOptions(List<MemoryTask> tasks, List<CellType> cells, List<Integer> lags, List<Long> seeds, int hidden,
                            int trainCount, int testCount, Integer epochs, Double learningRate, boolean allLags, Path out,
                            WriteMode write) {
    /**
     * Checks the values and sorts the lags.
     *
     * @param tasks the tasks
     * @param cells the cells
     * @param lags dependency lengths, in steps
     * @param seeds seeds; a lag counts as solved when any seed solves it
     * @param hidden hidden units, the same for every cell
     * @param trainCount training sequences
     * @param testCount test sequences (and a validation set of a fifth as many, to keep the best epoch)
     * @param epochs most epochs, or null for each task's own
     * @param learningRate Adam's learning rate, or null for each task's own
     * @param allLags run every lag, even after one no seed solved
     * @param out run folder, or null for {@code runs/memory-<timestamp>}
     * @param write refuse a run already in {@code out}, replace it, or resume the unfinished one
     */
    public MemoryOptions {
        write = write == null ? WriteMode.NEW : write;
        tasks = List.copyOf(tasks);
        cells = List.copyOf(cells);
        lags = lags.stream().sorted().distinct().toList();
        seeds = List.copyOf(seeds);
        if (tasks.isEmpty() || cells.isEmpty() || lags.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("--tasks, --cells, --lags and --seeds each need at least one entry");
        }
        if (lags.stream().anyMatch(l -> l < 2)) {
            throw new IllegalArgumentException("--lags must be at least 2 steps; got " + lags);
        }
        if (hidden < 1 || trainCount < 32 || testCount < 10 || (epochs != null && epochs < 1)) {
            throw new IllegalArgumentException("need --hidden >= 1, --train >= 32, --epochs >= 1 and at least 10 test sequences");
        }
    }

    /**
     * @return everything that decides the runs' results, one line: a resumed run must be given the same
     */
    public String describe() {
        return "tasks " + String.join(",", tasks.stream().map(MemoryTask::label).toList())
                + "; cells " + String.join(",", cells.stream().map(CellType::label).toList())
                + "; lags " + String.join(",", lags.stream().map(String::valueOf).toList())
                + "; seeds " + String.join(",", seeds.stream().map(String::valueOf).toList())
                + "; hidden " + hidden + "; train " + trainCount + "; test " + testCount
                + "; epochs " + (epochs == null ? "per task" : epochs) + "; lr " + (learningRate == null ? "per task" : learningRate)
                + "; all-lags " + allLags;
    }

    /**
     * @param task the task
     * @return the most epochs a run of {@code task} trains
     */
    public int epochs(MemoryTask task) {
        return epochs != null ? epochs : task.epochs();
    }

    /**
     * @param task the task
     * @return Adam's learning rate for {@code task}
     */
    public double learningRate(MemoryTask task) {
        return learningRate != null ? learningRate : task.learningRate();
    }

    /**
     * @param task the task
     * @return the most updates one run of {@code task} makes: epochs of minibatches over the training sequences
     */
    public int maxUpdates(MemoryTask task) {
        return budget(task).maxUpdates();
    }

    /**
     * @param task a task
     * @return the task's training budget under these options
     */
    public MemoryApp.Budget budget(MemoryTask task) {
        return new MemoryApp.Budget(trainCount, testCount, epochs(task), learningRate(task));
    }

    /**
     * The adding problem and delayed recall, all cells, lags 5..200, seeds 1 and 2, hidden 32, 10,000 training sequences, each
     * task's own epochs and learning rate; a run stops early once validation shows the task solved.
     *
     * @param out the run folder
     * @return the options
     */
    public static MemoryOptions defaults(Path out) {
        return new MemoryOptions(List.of(MemoryTask.ADDING, MemoryTask.RECALL), CellType.CLASSIC, List.of(5, 10, 20, 50, 100, 200),
                List.of(1L, 2L), 32, 10_000, 500, null, null, false, out, WriteMode.NEW);
    }

    /**
     * A first look in seconds: lags 5 and 10, one seed, 256 sequences x 2 epochs.
     *
     * @param out the run folder
     * @return the options
     */
    public static MemoryOptions quick(Path out) {
        return new MemoryOptions(List.of(MemoryTask.ADDING, MemoryTask.RECALL), CellType.CLASSIC, List.of(5, 10), List.of(1L), 32, 256,
                100, 2, null, true, out, WriteMode.NEW);
    }
}
