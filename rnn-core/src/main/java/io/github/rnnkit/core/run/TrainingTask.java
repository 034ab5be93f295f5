package io.github.rnnkit.core.run;

import io.github.rnnkit.core.spec.CellType;

import java.io.Serializable;
import java.util.List;

/**
 * One independent training run, as plain values: which series (a bundled sample or a CSV column),
 * which model, which window, and which seed. The split is the default chronological 70/15/15;
 * the run is scored on the test part next to the baselines.
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
 * @serial exclude
 */
public record TrainingTask(String id, String sample, String csv, String column, String cell, List<Integer> hidden, int lookBack,
                           int epochs, int patience, double learningRate, long seed) implements Serializable {
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
    }

    /**
     * @param id   the new id
     * @param seed the new seed
     * @return this task with another id and seed
     */
    public TrainingTask withSeed(String id, long seed) {
        return new TrainingTask(id, sample, csv, column, cell, hidden, lookBack, epochs, patience, learningRate, seed);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
