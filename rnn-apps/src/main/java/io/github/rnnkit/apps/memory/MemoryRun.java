package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.spec.CellType;

/**
 * One network on one task at one lag.
 *
 * @param task      the task
 * @param cell      the cell
 * @param lag       the dependency length, steps
 * @param seed      the seed of data and network
 * @param testError test MSE (adding) or error rate (recall)
 * @param updates   parameter updates made
 * @param seconds   training wall time
 */
public record MemoryRun(MemoryTask task, CellType cell, int lag, long seed, double testError, int updates, double seconds) {
    /** @return true when the test error is below the task's threshold */
    public boolean solved() {
        return testError < task.threshold();
    }
}
