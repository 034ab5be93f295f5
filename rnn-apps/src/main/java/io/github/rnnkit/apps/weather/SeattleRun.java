package io.github.rnnkit.apps.weather;

import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.train.TrainingHistory;

/**
 * One cell on the bundled Seattle weather, evaluated on the chronological test part.
 *
 * @param cell       the cell
 * @param params     trainable parameters
 * @param history    how training went
 * @param evaluation the model next to the majority, persistence and Markov baselines
 */
public record SeattleRun(CellType cell, long params, TrainingHistory history, CategoricalEvaluation evaluation) {
}
