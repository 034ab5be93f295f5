package io.github.rnnkit.core.run;

import io.github.rnnkit.data.csv.CsvTable;

/**
 * One series of a {@link LongSeries} file, its own model trained and scored on its own test part
 * against its own baselines (naive for prices, persistence and the Markov chain for categories),
 * with scalers fitted on its own training part: the unit of "one model per series".
 *
 * @param series the series' name, also the task's id
 * @param source the file
 * @param model  the model, window and seed for every series (its sample, CSV and column are ignored)
 * @serial exclude
 */
public record SeriesTask(String series, LongSeries source, TrainingTask model) implements RunTask {
    @Override
    public String id() {
        return series;
    }

    /** @return the series' test metric next to its baselines, or what was wrong with it */
    @Override
    public TaskOutcome run() {
        long start = System.nanoTime();
        CsvTable table;
        try {
            table = source.tables().get(series);
        } catch (RuntimeException e) {
            return TaskOutcome.failed(series, e.getMessage(), (System.nanoTime() - start) / 1e9);
        }
        if (table == null) {
            return TaskOutcome.failed(series, "no rows of series '" + series + "' in " + source.csv(), (System.nanoTime() - start) / 1e9);
        }
        return TaskRunner.run(new TrainingTask(series, null, source.csv(), source.valueColumn(), model.cell(), model.hidden(),
                model.lookBack(), model.epochs(), model.patience(), model.learningRate(), model.seed(), model.clipping(), model.tbptt(),
                0, 0, false), table, source.dateColumn());
    }
}
