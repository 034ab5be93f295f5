package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.spec.CellType;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far a memory sweep has got, after each run.
 *
 * @param last              the run just finished
 * @param done              runs finished
 * @param total             runs in the sweep
 * @param elapsedSeconds    wall time so far
 * @param secondsLeftAtMost the time the remaining runs take if none stops early and none is skipped:
 *                          each cell's measured seconds per update-step so far times the remaining
 *                          runs' budgets of update-steps
 * @param estimated         true while some remaining run's cell has not run yet (timed as the slowest
 *                          cell that has)
 */
public record MemoryProgress(MemoryRun last, int done, int total, double elapsedSeconds, double secondsLeftAtMost,
                             boolean estimated) {

    /**
     * One planned run of a sweep.
     *
     * @param task the task
     * @param cell the cell
     * @param lag  the lag
     * @param seed the seed
     */
    record Planned(MemoryTask task, CellType cell, int lag, long seed) {
    }

    /**
     * @param o         the sweep
     * @param finished  the runs finished so far
     * @param remaining the runs still planned
     * @param done      runs finished or skipped
     * @param total     runs in the sweep
     * @param elapsed   wall time so far, seconds
     * @return the progress after the last of {@code finished}
     */
    static MemoryProgress of(MemoryOptions o, List<MemoryRun> finished, List<Planned> remaining, int done, int total,
                             double elapsed) {
        Map<CellType, double[]> perCell = new EnumMap<>(CellType.class);   // seconds, update-steps
        for (MemoryRun r : finished) {
            double[] acc = perCell.computeIfAbsent(r.cell(), c -> new double[2]);
            acc[0] += r.seconds();
            acc[1] += (double) r.updates() * r.task().steps(r.lag());
        }
        // A cell not yet run is timed as the slowest one that has: an estimate until it runs.
        double slowest = perCell.values().stream().mapToDouble(a -> a[0] / a[1]).max().orElse(Double.NaN);
        double left = 0;
        boolean untimed = false;
        for (Planned p : remaining) {
            double[] acc = perCell.get(p.cell());
            untimed |= acc == null;
            left += (acc == null ? slowest : acc[0] / acc[1]) * o.maxUpdates(p.task()) * p.task().steps(p.lag());
        }
        return new MemoryProgress(finished.get(finished.size() - 1), done, total, elapsed, left, untimed);
    }

    /**
     * @return e.g. {@code [12/72, 3 min 05 s so far, at most ~14 min 00 s left if no run stops early]}: a
     *         bound, since runs that solve their task stop sooner and failed lags skip longer ones
     */
    public String line() {
        return String.format(Locale.ROOT, "[%d/%d, %s so far%s]", done, total, time(elapsedSeconds),
                done == total ? "" : ", at most ~" + time(secondsLeftAtMost) + " left if no run stops early"
                        + (estimated ? " (cells not run yet timed as the slowest so far)" : ""));
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
