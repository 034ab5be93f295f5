package io.github.rnnkit.core.run;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.Tbptt;

import java.util.List;

/**
 * One independent training run, as plain values: which series (a bundled sample or a CSV column),
 * which model, which window, how it is trained (clipping, truncated BPTT), and which seed. With
 * {@code folds} 0 the split is the default chronological 70/15/15 and the run is scored on the test
 * part next to the baselines; with {@code folds} K it trains on walk-forward fold {@code fold} of K
 * ({@link io.github.rnnkit.data.split.WalkForward#validationFolds}) and is scored on that fold's
 * validation part, never looking at the test part, as a sweep must.
 *
 * @param id           a name unique within a plan (results are kept by it)
 * @param sample       a bundled sample's id (e.g. {@code seattle-weather}), or null for a CSV
 * @param csv          a CSV file's path, or null for a sample
 * @param column       the series' column (null: the sample's default)
 * @param cell         rnn, lstm, gru, min-gru or min-lstm
 * @param hidden       hidden sizes of the stacked layers
 * @param lookBack     steps per window
 * @param epochs       most epochs
 * @param patience     epochs without a better validation loss before stopping
 * @param learningRate Adam's step size
 * @param seed         seed of everything random
 * @param clipping     gradient clipping as {@link Clipping#parse} reads it, e.g. {@code none} or {@code global-l2:1.0}
 * @param tbptt        truncated BPTT as {@link Tbptt#parse} reads it, {@code K}, {@code K:K2} or {@code none}
 * @param folds        walk-forward validation folds, or 0 for the default split scored on test
 * @param fold         which fold, from 0 (0 when {@code folds} is 0)
 * @param keepModel    return the trained model's bundle as bytes ({@link TaskOutcome#bundle()})
 * @serial exclude
 */
public record TrainingTask(String id, String sample, String csv, String column, String cell, List<Integer> hidden, int lookBack,
                           int epochs, int patience, double learningRate, long seed, String clipping, String tbptt, int folds,
                           int fold, boolean keepModel) implements RunTask {
    /**
     * Validates the values (the data is read only when the task runs).
     *
     * @param id           a name unique within a plan
     * @param sample       a sample's id, or null
     * @param csv          a CSV path, or null
     * @param column       the column, or null for the sample's default
     * @param cell         the cell's label
     * @param hidden       hidden sizes
     * @param lookBack     steps per window
     * @param epochs       most epochs
     * @param patience     early-stopping patience
     * @param learningRate Adam's step size
     * @param seed         the seed
     * @param clipping     gradient clipping, e.g. {@code none}
     * @param tbptt        truncated BPTT lengths, or {@code none}
     * @param folds        walk-forward folds, or 0
     * @param fold         the fold
     * @param keepModel    return the model's bundle
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public TrainingTask {
        require(id != null && !id.isBlank() && !id.contains("\n"), "a task needs an id on one line");
        require((sample == null) != (csv == null), "task " + id + ": give a sample or a CSV, not both or neither");
        require(csv == null || column != null, "task " + id + ": a CSV needs its column");
        CellType.parse(cell);
        hidden = List.copyOf(hidden);
        require(!hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "task " + id + ": hidden sizes must be at least 1");
        require(lookBack >= 1 && epochs >= 1 && patience >= 0, "task " + id + ": look-back and epochs at least 1, patience at least 0");
        require(learningRate > 0 && Double.isFinite(learningRate), "task " + id + ": the learning rate must be positive");
        clipping = clipping == null ? "none" : clipping;
        tbptt = tbptt == null ? "none" : tbptt;
        try {
            Clipping.parse(clipping);
            Tbptt.parse(tbptt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task " + id + ": " + e.getMessage(), e);
        }
        require(folds >= 0 && fold >= 0 && (folds == 0 ? fold == 0 : fold < folds), "task " + id + ": fold " + fold
                + " of " + folds + " does not exist");
    }

    /**
     * A task on the default split, full BPTT, no clipping, scored on test.
     *
     * @param id           a name unique within a plan
     * @param sample       a sample's id, or null
     * @param csv          a CSV path, or null
     * @param column       the column, or null for the sample's default
     * @param cell         the cell's label
     * @param hidden       hidden sizes
     * @param lookBack     steps per window
     * @param epochs       most epochs
     * @param patience     early-stopping patience
     * @param learningRate Adam's step size
     * @param seed         the seed
     */
    public TrainingTask(String id, String sample, String csv, String column, String cell, List<Integer> hidden, int lookBack,
                        int epochs, int patience, double learningRate, long seed) {
        this(id, sample, csv, column, cell, hidden, lookBack, epochs, patience, learningRate, seed, "none", "none", 0, 0, false);
    }

    /** @return {@link TaskRunner#run} of this task */
    @Override
    public TaskOutcome run() {
        return TaskRunner.run(this);
    }

    /**
     * @param id    the new id
     * @param folds walk-forward folds, or 0 for the default split scored on test
     * @param fold  the fold
     * @return this task on another split
     */
    public TrainingTask onFold(String id, int folds, int fold) {
        return new TrainingTask(id, sample, csv, column, cell, hidden, lookBack, epochs, patience, learningRate, seed, clipping, tbptt,
                folds, fold, keepModel);
    }

    /**
     * @param keep return the trained model's bundle
     * @return this task, keeping its model or not
     */
    public TrainingTask keepingModel(boolean keep) {
        return new TrainingTask(id, sample, csv, column, cell, hidden, lookBack, epochs, patience, learningRate, seed, clipping, tbptt,
                folds, fold, keep);
    }

    /**
     * @param id   the new id
     * @param seed the new seed
     * @return this task with another id and seed
     */
    public TrainingTask withSeed(String id, long seed) {
        return new TrainingTask(id, sample, csv, column, cell, hidden, lookBack, epochs, patience, learningRate, seed, clipping, tbptt,
                folds, fold, keepModel);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
