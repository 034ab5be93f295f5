package io.github.rnnkit.core.attention;

/**
 * What one attention step gives a decoder: for each example, a weight per encoder step and the
 * context vector they weight.
 *
 * @param weights α [batch][steps]: softmax of the scores over the steps the mask keeps (0 on the
 *                others), each row summing to 1
 * @param context c [batch][encoder size]: Σ_j α_j h_j
 * @param scores  e [batch][steps]: the scores before the softmax (negative infinity where masked)
 */
public record AttentionOutput(double[][] weights, double[][] context, double[][] scores) {
}
