package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.run.RunTask;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.spec.CellType;

import java.util.Map;

/**
 * One run of the memory benchmark as a plan task, so that any {@link io.github.rnnkit.core.run.PlanRunner}
 * (threads, Spark) runs it: the test error is the outcome's {@code model}, chance its baseline,
 * and the updates made a figure.
 *
 * @param task   adding, recall or selective copy
 * @param cell   the cell
 * @param lag    the dependency length, steps
 * @param seed   the seed of data and network
 * @param budget sequences, epochs and learning rate
 * @param hidden hidden units
 * @serial exclude
 */
public record MemoryTrial(MemoryTask task, CellType cell, int lag, long seed, MemoryApp.Budget budget, int hidden) implements RunTask {
    /** The figure holding the parameter updates a run made. */
    static final String UPDATES = "updates";

    @Override
    public String id() {
        return task.label() + "/" + cell.label() + "/lag-" + lag + "/seed-" + seed;
    }

    /** @return the run's test error beside chance, its updates a figure */
    @Override
    public TaskOutcome run() {
        MemoryRun r = MemoryApp.one(budget, task, cell, new int[]{hidden}, lag, seed, true).run();
        return new TaskOutcome(id(), null, task.errorName(), r.testError(), Map.of("chance", task.chance()), Map.of(), 0, Double.NaN,
                r.seconds(), Map.of(UPDATES, (double) r.updates()), null);
    }

    /**
     * @param o an outcome of this trial
     * @return it as a memory run
     * @throws IllegalStateException when the trial failed (the memory benchmark has no failed runs to report)
     */
    MemoryRun toRun(TaskOutcome o) {
        if (!o.ok()) {
            throw new IllegalStateException("memory run " + id() + " failed: " + o.error());
        }
        return new MemoryRun(task, cell, lag, seed, o.model(), o.figures().get(UPDATES).intValue(), o.seconds());
    }
}
