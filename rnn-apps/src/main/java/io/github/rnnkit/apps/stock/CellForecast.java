package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.train.TrainingHistory;

/**
 * One cell's next-day price forecast on the test part.
 *
 * @param cell       the cell
 * @param params     trainable parameters
 * @param history    how training went
 * @param evaluation the forecasts next to the naive and drift baselines, in the series' units
 */
public record CellForecast(CellType cell, long params, TrainingHistory history, PriceEvaluation evaluation) {
}
