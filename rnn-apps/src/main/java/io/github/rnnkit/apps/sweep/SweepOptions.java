package io.github.rnnkit.apps.sweep;

import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TrainingTask;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit sweep} runs.
 *
 * @param grid    the configurations, seeds and folds over one series
 * @param master  where the tasks run: {@code threads} (this process) or a Spark master such as {@code local[*]}
 * @param workers tasks at once when {@code master} is {@code threads}
 * @param out     the run folder, or null for {@code runs/sweep-<timestamp>}
 * @param mode    a new run, a replacement, or the resumption of an unfinished one
 */
public record SweepOptions(SweepGrid grid, String master, int workers, Path out, WriteMode mode) {
    /**
     * @param grid    the grid
     * @param master  {@code threads} or a Spark master
     * @param workers threads of the local runner
     * @param out     the run folder, or null
     * @param mode    how to treat what {@code out} holds
     */
    public SweepOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers: at least 1, got " + workers);
        }
        if (mode == WriteMode.RESUME && out == null) {
            throw new IllegalArgumentException("--resume needs the --out folder of the run to continue");
        }
    }

    /**
     * A small grid for a first look (2 cells × 2 hidden sizes, 2 seeds, 3 folds, 3 epochs).
     *
     * @param sample a bundled sample's id
     * @return the grid
     */
    public static SweepGrid quickGrid(String sample) {
        TrainingTask base = new TrainingTask("base", sample, null, null, "gru", List.of(8), 7, 3, 2, 0.005, 1);
        return new SweepGrid(base, List.of("rnn", "gru"), List.of(List.of(8), List.of(16)), List.of(7), List.of(0.005),
                List.of("none"), List.of("none"), List.of(1L, 2L), 3);
    }

    /** @return a line naming every value that decides the results, recorded so that a resume can check it */
    public String describe() {
        return grid.toString().replace('\n', ' ');
    }
}
