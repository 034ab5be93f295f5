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
 * @param secondsLeftAtMost the time the remaining runs take if none stops early: each cell's measured
 *                          seconds per update-step so far times the remaining runs' budgets of
 *                          update-steps (NaN until the first run of a cell still to come has finished)
 */
public record MemoryProgress(MemoryRun last, int done, int total, double elapsedSeconds, double secondsLeftAtMost) {

    /**
     * @param o        the sweep
     * @param finished the runs finished so far, in sweep order
     * @param elapsed  wall time so far, seconds
     * @return the progress after the last of {@code finished}
     */
    static MemoryProgress of(MemoryOptions o, List<MemoryRun> finished, double elapsed) {
        Map<CellType, double[]> perCell = new EnumMap<>(CellType.class);   // seconds, update-steps
        for (MemoryRun r : finished) {
            double[] acc = perCell.computeIfAbsent(r.cell(), c -> new double[2]);
            acc[0] += r.seconds();
            acc[1] += (double) r.updates() * r.task().steps(r.lag());
        }
        double left = 0;
        int index = 0;
        for (MemoryTask task : o.tasks()) {
            for (CellType cell : o.cells()) {
                for (int lag : o.lags()) {
                    for (int s = 0; s < o.seeds().size(); s++, index++) {
                        if (index >= finished.size()) {
                            double[] acc = perCell.get(cell);
                            left += acc == null ? Double.NaN : acc[0] / acc[1] * o.maxUpdates() * task.steps(lag);
                        }
                    }
                }
            }
        }
        return new MemoryProgress(finished.get(finished.size() - 1), finished.size(), index, elapsed, left);
    }

    /** @return e.g. {@code [12/72, 3 min 05 s so far, at most ~14 min left]} */
    public String line() {
        return String.format(Locale.ROOT, "[%d/%d, %s so far%s]", done, total, time(elapsedSeconds),
                done == total ? "" : Double.isNaN(secondsLeftAtMost) ? ", time left known after each cell's first run"
                        : ", at most ~" + time(secondsLeftAtMost) + " left");
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
