package io.github.rnnkit.data.split;

/**
 * Half-open range of time steps {@code [from, to)}.
 *
 * @param from first step, inclusive
 * @param to   end, exclusive
 */
public record IndexRange(int from, int to) {
    /**
     * Checks that 0 is at most from and from at most to.
     *
     * @param from first step, inclusive
     * @param to end, exclusive
     */
    public IndexRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("invalid range [" + from + ", " + to + ")");
        }
    }

    /** @return number of steps */
    public int length() {
        return to - from;
    }

    /** @return true when the range holds no step */
    public boolean isEmpty() {
        return to == from;
    }

    /**
     * @param t 0-based step
     * @return true when step {@code t} lies in the range
     */
    public boolean contains(int t) {
        return t >= from && t < to;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
