/**
 * Sequence to sequence with teacher forcing and attention (work in progress, issue 17): an encoder
 * and a decoder stack of classic cells, with no attention (the fixed-size bottleneck), Bahdanau's
 * additive attention inside the decoder's recurrence or Luong's multiplicative attention after it,
 * as one DL4J layer ({@link io.github.rnnkit.core.seq2seq.EncoderDecoderLayer}) with forward and
 * backward passes written by hand and checked against finite differences (DL4J's gradient check)
 * and against PyTorch. Autoregressive decoding, the spec and the command line are still to come.
 */
package io.github.rnnkit.core.seq2seq;
