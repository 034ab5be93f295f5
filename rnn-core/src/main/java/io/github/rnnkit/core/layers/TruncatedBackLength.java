package io.github.rnnkit.core.layers;

/**
 * An rnnkit recurrent layer whose backward pass after a truncated-BPTT segment runs through only
 * the segment's last k2 steps (DL4J passes k2 to its own layers only through a method its
 * {@code MultiLayerNetwork} never calls for rnnkit's layers, so {@link io.github.rnnkit.core.net.RnnNetwork}
 * sets it on each layer).
 */
public interface TruncatedBackLength {
    /**
     * @param steps steps at the end of a segment to run back through, or -1 for all
     */
    void setTruncatedBackLength(int steps);
}
