package io.github.rnnkit.apps.parallel;

import io.github.rnnkit.apps.memory.MemoryApp;
import io.github.rnnkit.apps.memory.MemoryTask;
import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit parallel} runs.
 *
 * @param cells        the cells compared
 * @param lookBacks    sequence lengths of the timing part (the adding problem at these lags)
 * @param timing       the timing part's budget (few epochs: it measures time per epoch, then the error reached)
 * @param tasks        the accuracy part's tasks, each at its lag
 * @param budgets      the accuracy part's budget per task
 * @param depths       stacked layers tried in the accuracy part
 * @param referenceHidden units per layer of the GRU whose parameter count every network of a depth matches
 * @param seeds        seeds of the accuracy part
 * @param out          run folder, or null for runs/parallel-timestamp
 * @param force        replace a run already in {@code out}
 */
public record ParallelOptions(List<CellType> cells, List<Integer> lookBacks, MemoryApp.Budget timing,
                              List<TaskAtLag> tasks, java.util.Map<MemoryTask, MemoryApp.Budget> budgets,
                              List<Integer> depths, int referenceHidden, List<Long> seeds, Path out, boolean force) {
    /**
     * A task at one dependency length.
     *
     * @param task the task
     * @param lag  its lag (for selective copying, the steps the symbols are scattered over)
     */
    public record TaskAtLag(MemoryTask task, int lag) {
        @Override
        public String toString() {
            return task.title() + (task == MemoryTask.SELECTIVE_COPY ? " over " + lag + " steps" : " at lag " + lag);
        }
    }

    /**
     * Checks the lists.
     *
     * @param cells the cells compared
     * @param lookBacks sequence lengths of the timing part
     * @param timing the timing part's budget
     * @param tasks the accuracy part's tasks
     * @param budgets the budget per task
     * @param depths stacked layers tried
     * @param referenceHidden units per layer of the reference GRU
     * @param seeds seeds of the accuracy part
     * @param out run folder, or null
     * @param force replace a run already in {@code out}
     */
    public ParallelOptions {
        if (cells.isEmpty() || lookBacks.isEmpty() || depths.isEmpty() || seeds.isEmpty() || referenceHidden < 1) {
            throw new IllegalArgumentException("give at least one cell, look-back, depth and seed, and a positive hidden size");
        }
        for (TaskAtLag t : tasks) {
            if (!budgets.containsKey(t.task())) {
                throw new IllegalArgumentException("no budget for " + t.task().title());
            }
        }
        cells = List.copyOf(cells);
        lookBacks = List.copyOf(lookBacks);
        tasks = List.copyOf(tasks);
        budgets = java.util.Map.copyOf(budgets);
        depths = List.copyOf(depths);
        seeds = List.copyOf(seeds);
    }

    /**
     * The full run: look-backs 10, 100 and 1,000 (2,000 sequences, 5 epochs); the adding problem
     * at lag 100, delayed recall at lag 20 and selective copying of 8 symbols over 64 steps; 1, 2
     * and 3 layers matched to a GRU of 32 units per layer; one seed.
     *
     * @param out the run folder
     * @return the options
     */
    public static ParallelOptions defaults(Path out) {
        return new ParallelOptions(List.of(CellType.values()), List.of(10, 100, 1000), new MemoryApp.Budget(2000, 500, 5, 0.003),
                List.of(new TaskAtLag(MemoryTask.ADDING, 100), new TaskAtLag(MemoryTask.RECALL, 20),
                        new TaskAtLag(MemoryTask.SELECTIVE_COPY, 64)),
                java.util.Map.of(MemoryTask.ADDING, new MemoryApp.Budget(5000, 500, 10, 0.003),
                        MemoryTask.RECALL, new MemoryApp.Budget(5000, 500, 15, 0.003),
                        MemoryTask.SELECTIVE_COPY, new MemoryApp.Budget(5000, 500, 15, 0.003)),
                List.of(1, 2, 3), 32, List.of(1L), out, false);
    }

    /**
     * A first look in about a minute: look-backs 10 and 100, short tasks, few sequences and epochs.
     *
     * @param out the run folder
     * @return the options
     */
    public static ParallelOptions quick(Path out) {
        return new ParallelOptions(List.of(CellType.values()), List.of(10, 100), new MemoryApp.Budget(256, 100, 2, 0.003),
                List.of(new TaskAtLag(MemoryTask.ADDING, 10), new TaskAtLag(MemoryTask.RECALL, 5),
                        new TaskAtLag(MemoryTask.SELECTIVE_COPY, 16)),
                java.util.Map.of(MemoryTask.ADDING, new MemoryApp.Budget(256, 100, 2, 0.003),
                        MemoryTask.RECALL, new MemoryApp.Budget(256, 100, 2, 0.003),
                        MemoryTask.SELECTIVE_COPY, new MemoryApp.Budget(256, 100, 2, 0.003)),
                List.of(1, 2), 16, List.of(1L), out, false);
    }

    /**
     * @param newOut the run folder
     * @param newForce replace a run already there
     * @param newCells the cells, or null to keep them
     * @param newSeeds the seeds, or null to keep them
     * @return these options with the folder, cells and seeds replaced
     */
    public ParallelOptions with(Path newOut, boolean newForce, List<CellType> newCells, List<Long> newSeeds) {
        return new ParallelOptions(newCells == null ? cells : newCells, lookBacks, timing, tasks, budgets, depths,
                referenceHidden, newSeeds == null ? seeds : newSeeds, newOut, newForce);
    }
}
