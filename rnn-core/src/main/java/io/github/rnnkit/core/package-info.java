/**
 * rnnkit core: SimpleRnn, LSTM and GRU networks for many-to-one, many-to-many and seq2seq
 * built from one spec, with correct truncated BPTT, training, evaluation against baselines,
 * diagnostics and model bundles. Depends on {@code rnn-data}.
 */
package io.github.rnnkit.core;
