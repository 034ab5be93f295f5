package io.github.rnnkit.core.spec;

/**
 * Truncated backpropagation through time: sequences are cut into segments of {@code forward}
 * steps, the hidden state is carried from one segment to the next, and each segment is one
 * parameter update whose gradient is backpropagated through at most its last {@code backward}
 * steps, with the state entering those steps held fixed.
 *
 * @param forward  segment length k1, at least 1
 * @param backward backward length k2, in [1, k1]
 * @serial exclude
 */
public record Tbptt(int forward, int backward) implements java.io.Serializable {
    /**
     * Checks that both lengths are at least 1 and the backward length at most the forward length.
     *
     * @param forward segment length k1, at least 1
     * @param backward backward length k2, in [1, k1]
     */
    public Tbptt {
        if (forward < 1) {
            throw new IllegalArgumentException("truncated BPTT forward length must be at least 1, got " + forward);
        }
        if (backward < 1 || backward > forward) {
            throw new IllegalArgumentException("truncated BPTT backward length " + backward
                    + " must be between 1 and the forward length " + forward);
        }
    }

    /**
     * Parses {@code "K"} (forward and backward K) or {@code "K:K2"}; null or {@code "none"} is full BPTT.
     *
     * @param text {@code K}, {@code K:K2}, {@code none} or null
     * @return the lengths, or null for full BPTT
     */
    public static Tbptt parse(String text) {
        if (text == null || text.trim().equalsIgnoreCase("none")) {
            return null;
        }
        String[] parts = text.split(":");
        try {
            if (parts.length > 2) {
                throw new NumberFormatException();
            }
            int k1 = Integer.parseInt(parts[0].trim());
            return new Tbptt(k1, parts.length > 1 ? Integer.parseInt(parts[1].trim()) : k1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--tbptt must be K or K:K2, e.g. 50 or 50:25; got '" + text + "'");
        }
    }
}
