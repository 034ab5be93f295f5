package io.github.rnnkit.core.attention;

/**
 * What one attention step gives a decoder: for each example, a weight per encoder step and the
 * context vector they weight.
 *
 * @param weights α [batch][steps]: softmax of the scores over the steps the mask keeps (0 on the
 *                others), each row summing to 1
 * @param context c [batch][encoder size]: Σ_j α_j h_j
 * @param scores  e [batch][steps]: the scores before the softmax (negative infinity where masked)
 * @param hidden  additive attention's tanh(W s + U h_j + b), kept for its backward pass, row-major
 *                {@code [batch][steps][A]} in one array (a few large arrays rather than many small
 *                ones keep garbage collection cheap); null for other kinds
 */
public record AttentionOutput(double[][] weights, double[][] context, double[][] scores, double[] hidden) {
    /**
     * An output without kept activations.
     *
     * @param weights α [batch][steps]
     * @param context c [batch][encoder size]
     * @param scores  e [batch][steps]
     */
    public AttentionOutput(double[][] weights, double[][] context, double[][] scores) {
        this(weights, context, scores, null);
    }
}
