/**
 * Evaluation always next to baselines: accuracy, macro F1 and log loss against majority class,
 * persistence and a Markov chain (with McNemar's test); MAE, RMSE, MAPE and direction against naive
 * and drift; walk-forward backtests.
 */
package io.github.rnnkit.core.eval;
