/**
 * {@code rnnkit seq2seq}: the encoder-decoder walkthrough. The bottleneck of a plain encoder-decoder
 * measured against sequence length with and without attention, multi-step price forecasts and
 * multi-day weather forecasts against their baselines, each a thin shell over the library's
 * {@code io.github.rnnkit.core.seq2seq} calls.
 */
package io.github.rnnkit.apps.seq2seq;
