package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What {@code rnnkit memory} produced.
 *
 * @param dir    the run folder
 * @param report its report.md
 * @param files  every file written
 * @param runs   every (task, cell, lag, seed)
 */
public record MemoryResult(Path dir, Path report, List<Path> files, List<MemoryRun> runs) {

    /**
     * @param task the task
     * @param cell the cell
     * @param lag the lag
     * @return the lowest test error over the seeds at this point, or empty when it was not run
     */
    public OptionalDouble bestError(MemoryTask task, CellType cell, int lag) {
        return runs.stream().filter(r -> r.task() == task && r.cell() == cell && r.lag() == lag)
                .mapToDouble(MemoryRun::testError).min();
    }

    /**
     * @param task the task
     * @param cell the cell
     * @return the longest lag at which some seed solved the task, or 0 when none did
     */
    public int longestSolved(MemoryTask task, CellType cell) {
        return runs.stream().filter(r -> r.task() == task && r.cell() == cell && r.solved()).mapToInt(MemoryRun::lag).max().orElse(0);
    }

    /**
     * @param task the task
     * @param cell the cell
     * @param lag the lag
     * @return the fewest updates a seed that solved this point trained, or empty when none solved it
     */
    public java.util.OptionalInt fewestUpdatesToSolve(MemoryTask task, CellType cell, int lag) {
        return runs.stream().filter(r -> r.task() == task && r.cell() == cell && r.lag() == lag && r.solved())
                .mapToInt(MemoryRun::updates).min();
    }
}
