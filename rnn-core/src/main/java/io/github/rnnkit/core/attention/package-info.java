/**
 * Attention over a sequence of encoder states, with forward and backward passes written by hand
 * (DL4J's SameDiff attention layers return twice the true gradient inside a network, see the
 * project's DESIGN.md): additive attention (Bahdanau et al. 2014) and multiplicative attention
 * (Luong et al. 2015), each checked against finite differences and against PyTorch in double
 * precision. These are the building blocks of the encoder-decoder with attention.
 */
package io.github.rnnkit.core.attention;
