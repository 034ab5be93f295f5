/**
 * The {@code rnnkit compare} walkthrough: vanilla RNN, LSTM and GRU at matched parameter counts on
 * the same data, split, seed and budget.
 */
package io.github.rnnkit.apps.compare;
