/**
 * Forecasting with a trained model: {@link io.github.rnnkit.core.forecast.Forecaster} turns a
 * series into the network's inputs and its outputs into the next category with its probabilities or
 * the next H prices.
 */
package io.github.rnnkit.core.forecast;
