package io.github.rnnkit.apps.many;

import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.LongSeries;
import io.github.rnnkit.core.run.TrainingTask;

import java.nio.file.Path;

/**
 * What {@code rnnkit many-series} runs.
 *
 * @param source    the long-format file and its columns, or null to generate the synthetic example
 * @param model     the model, window, epochs and seed every series gets
 * @param perSeries train one model per series
 * @param global    train one global model across the series
 * @param master    {@code threads} or a Spark master, for the per-series models
 * @param workers   threads, with {@code threads}
 * @param out       the run folder, or null for {@code runs/many-series-<timestamp>}
 * @param mode      a new run, a replacement, or the resumption of an unfinished one
 */
public record ManySeriesOptions(LongSeries source, TrainingTask model, boolean perSeries, boolean global, String master, int workers,
                                Path out, WriteMode mode) {
    /**
     * @param source    the file, or null for the synthetic example
     * @param model     the model
     * @param perSeries one model per series
     * @param global    one global model
     * @param master    where per-series models train
     * @param workers   threads
     * @param out       the run folder
     * @param mode      how to treat what {@code out} holds
     */
    public ManySeriesOptions {
        if (!perSeries && !global) {
            throw new IllegalArgumentException("--mode: per-series, global or both");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers: at least 1, got " + workers);
        }
        if (mode == WriteMode.RESUME && out == null) {
            throw new IllegalArgumentException("--resume needs the --out folder of the run to continue");
        }
    }

    /** @return the values that decide the results, recorded so that a resume can check them */
    public String describe() {
        return (source == null ? "synthetic" : source.toString()) + "; " + model + "; per-series " + perSeries + "; global " + global;
    }
}
