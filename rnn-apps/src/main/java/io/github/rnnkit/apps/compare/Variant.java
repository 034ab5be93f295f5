package io.github.rnnkit.apps.compare;

/**
 * One architecture of the LSTM in a comparison: one layer, two stacked layers, or bidirectional.
 *
 * @param name       what it is, e.g. "LSTM, 2 layers of 32"
 * @param params     trainable parameters
 * @param testBySeed accuracy (categories) or RMSE in the series' units (prices) on the test part, per seed
 */
public record Variant(String name, long params, double[] testBySeed) {
}
