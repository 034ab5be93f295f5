package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.train.TrainingHistory;

/**
 * An LSTM encoder-decoder that forecasts several days at once (seq2seq), against the naive and drift
 * forecasts at every step ahead.
 *
 * @param horizon    days forecast at once
 * @param params     trainable parameters
 * @param history    how training went
 * @param evaluation test metrics per step ahead, the baselines' per step, and the paired tests
 */
public record MultiStepForecast(int horizon, long params, TrainingHistory history, PriceEvaluation evaluation) {
}
