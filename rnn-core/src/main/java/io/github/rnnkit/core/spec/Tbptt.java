package io.github.rnnkit.core.spec;

/**
 * Truncated backpropagation through time: sequences are cut into segments of {@code forward}
 * steps, the hidden state is carried from one segment to the next, and each segment is one
 * parameter update whose gradient is backpropagated through at most its last {@code backward}
 * steps, with the state entering those steps held fixed.
 *
 * @param forward  segment length k1, at least 1
 * @param backward backward length k2, in [1, k1]
 */
public record Tbptt(int forward, int backward) {
    public Tbptt {
        if (forward < 1) {
            throw new IllegalArgumentException("truncated BPTT forward length must be at least 1, got " + forward);
        }
        if (backward < 1 || backward > forward) {
            throw new IllegalArgumentException("truncated BPTT backward length " + backward
                    + " must be between 1 and the forward length " + forward);
        }
    }
}
