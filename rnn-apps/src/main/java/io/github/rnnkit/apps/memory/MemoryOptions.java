package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit memory} runs: every (task, cell, lag, seed) gets the same budget.
 *
 * @param tasks        the tasks
 * @param cells        the cells
 * @param lags         dependency lengths, in steps
 * @param seeds        seeds; a lag counts as solved when any seed solves it
 * @param hidden       hidden units, the same for every cell
 * @param trainCount   training sequences
 * @param testCount    test sequences (and a validation set of a fifth as many, to keep the best epoch)
 * @param epochs       epochs over the training sequences: the fixed budget
 * @param learningRate Adam's learning rate
 * @param out          run folder, or null for {@code runs/memory-<timestamp>}
 * @param force        replace a run already in {@code out} (atomically) instead of refusing
 */
public record MemoryOptions(List<MemoryTask> tasks, List<CellType> cells, List<Integer> lags, List<Long> seeds, int hidden,
                            int trainCount, int testCount, int epochs, double learningRate, Path out, boolean force) {
    /**
     * Checks the values.
     *
     * @param tasks the tasks
     * @param cells the cells
     * @param lags dependency lengths, in steps
     * @param seeds seeds; a lag counts as solved when any seed solves it
     * @param hidden hidden units, the same for every cell
     * @param trainCount training sequences
     * @param testCount test sequences (and a validation set of a fifth as many, to keep the best epoch)
     * @param epochs epochs over the training sequences: the fixed budget
     * @param learningRate Adam's learning rate
     * @param out run folder, or null for {@code runs/memory-<timestamp>}
     * @param force replace a run already in {@code out} (atomically) instead of refusing
     */
    public MemoryOptions {
        tasks = List.copyOf(tasks);
        cells = List.copyOf(cells);
        lags = List.copyOf(lags);
        seeds = List.copyOf(seeds);
        if (tasks.isEmpty() || cells.isEmpty() || lags.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("--tasks, --cells, --lags and --seeds each need at least one entry");
        }
        if (lags.stream().anyMatch(l -> l < 2)) {
            throw new IllegalArgumentException("--lags must be at least 2 steps; got " + lags);
        }
        if (hidden < 1 || trainCount < 32 || testCount < 10 || epochs < 1) {
            throw new IllegalArgumentException("need --hidden >= 1, --train >= 32, --epochs >= 1 and at least 10 test sequences");
        }
    }

    /** @return the most updates one run makes: epochs of minibatches over the training sequences */
    public int maxUpdates() {
        return epochs * ((trainCount + MemoryApp.BATCH - 1) / MemoryApp.BATCH);
    }

    /**
     * Both tasks, all cells, lags 5..200, seeds 1 and 2, hidden 32, 2,000 sequences x 10 epochs, Adam 0.01.
     *
     * @param out the run folder
     * @return the options
     */
    public static MemoryOptions defaults(Path out) {
        return new MemoryOptions(List.of(MemoryTask.values()), List.of(CellType.values()), List.of(5, 10, 20, 50, 100, 200),
                List.of(1L, 2L), 32, 2000, 500, 10, 0.01, out, false);
    }

    /**
     * A first look in seconds: lags 5 and 10, one seed, 256 sequences x 2 epochs.
     *
     * @param out the run folder
     * @return the options
     */
    public static MemoryOptions quick(Path out) {
        return new MemoryOptions(List.of(MemoryTask.values()), List.of(CellType.values()), List.of(5, 10), List.of(1L), 32, 256,
                100, 2, 0.01, out, false);
    }
}
