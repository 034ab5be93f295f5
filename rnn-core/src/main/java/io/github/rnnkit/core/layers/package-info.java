/**
 * rnnkit's recurrent layers for DL4J: vanilla RNN, LSTM and GRU on one recurrent base with
 * PyTorch's equations and gate order, hand-written forward and backward passes, truncated BPTT from
 * the carried state, and streaming.
 */
package io.github.rnnkit.core.layers;
