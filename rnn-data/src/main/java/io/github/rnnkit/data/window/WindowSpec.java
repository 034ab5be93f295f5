package io.github.rnnkit.data.window;

import io.github.rnnkit.data.Topology;

/**
 * How a series is cut into training windows: a look-back of L input steps, the topology that
 * says what the targets are, a horizon H (seq2seq only) and the stride between window starts.
 *
 * <p>For window i starting at step {@code s = i * stride} of a part:
 * <ul>
 *   <li>many-to-one: inputs {@code s .. s+L-1}, target {@code s+L};</li>
 *   <li>many-to-many: inputs {@code s .. s+L-1}, targets {@code s+1 .. s+L};</li>
 *   <li>seq2seq: inputs {@code s .. s+L-1}, targets {@code s+L .. s+L+H-1}.</li>
 * </ul>
 *
 * @param lookBack input steps per window, at least 1
 * @param topology what the targets are
 * @param horizon  steps forecast; 1 except for seq2seq
 * @param stride   steps between window starts, at least 1
 */
public record WindowSpec(int lookBack, Topology topology, int horizon, int stride) {
    /**
     * Checks the lengths: look-back and stride at least 1, horizon at least 1 (1 unless seq2seq).
     *
     * @param lookBack input steps per window, at least 1
     * @param topology what the targets are
     * @param horizon steps forecast; 1 except for seq2seq
     * @param stride steps between window starts, at least 1
     */
    public WindowSpec {
        if (topology == null) {
            throw new IllegalArgumentException("a window needs a topology");
        }
        if (lookBack < 1) {
            throw new IllegalArgumentException("look-back must be at least 1, got " + lookBack);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        if (horizon != 1 && topology != Topology.SEQ2SEQ) {
            throw new IllegalArgumentException("a horizon of " + horizon + " needs the seq2seq topology; "
                    + topology.label() + " predicts one step ahead");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        if ((long) lookBack + horizon > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("look-back " + lookBack + " plus horizon " + horizon
                    + " is more steps than any series can have");
        }
    }

    /**
     * Checks that windows of this shape can be cut from a series of {@code kind}.
     *
     * @param kind the series' kind
     * @throws IllegalArgumentException for a seq2seq horizon on a categorical series (categories
     *         are forecast one step ahead)
     */
    public void requireFits(io.github.rnnkit.data.series.SeriesKind kind) {
        if (kind == io.github.rnnkit.data.series.SeriesKind.CATEGORICAL && topology == Topology.SEQ2SEQ) {
            throw new IllegalArgumentException("categorical series are forecast one step ahead: a horizon of " + horizon
                    + " applies to prices only");
        }
    }

    /**
     * Look-back L, target the next value.
     *
     * @param lookBack L, input steps per window
     * @return the window
     */
    public static WindowSpec manyToOne(int lookBack) {
        return new WindowSpec(lookBack, Topology.MANY_TO_ONE, 1, 1);
    }

    /**
     * Look-back L, targets the inputs shifted by one step.
     *
     * @param lookBack L, input steps per window
     * @return the window
     */
    public static WindowSpec manyToMany(int lookBack) {
        return new WindowSpec(lookBack, Topology.MANY_TO_MANY, 1, 1);
    }

    /**
     * Look-back L, targets the next H values.
     *
     * @param lookBack L, input steps per window
     * @param horizon H, steps forecast
     * @return the window
     */
    public static WindowSpec seq2seq(int lookBack, int horizon) {
        return new WindowSpec(lookBack, Topology.SEQ2SEQ, horizon, 1);
    }

    /**
     * Same window, another topology (horizon kept for seq2seq, else 1).
     *
     * @param topology the topology
     * @param lookBack L, input steps per window
     * @param horizon H for seq2seq (ignored otherwise)
     * @return the window
     */
    public static WindowSpec of(Topology topology, int lookBack, int horizon) {
        return new WindowSpec(lookBack, topology, topology == Topology.SEQ2SEQ ? horizon : 1, 1);
    }

    /**
     * @param newStride steps between window starts, at least 1
     * @return this spec with another stride
     */
    public WindowSpec withStride(int newStride) {
        return new WindowSpec(lookBack, topology, horizon, newStride);
    }

    /** @return target steps per window: 1, L or H */
    public int targetLength() {
        return switch (topology) {
            case MANY_TO_ONE -> 1;
            case MANY_TO_MANY -> lookBack;
            case SEQ2SEQ -> horizon;
        };
    }

    /** @return steps one window covers, inputs and targets together */
    public int span() {
        return topology == Topology.MANY_TO_MANY ? lookBack + 1 : lookBack + horizon;
    }

    /**
     * @param steps steps in the part
     * @return number of windows a part of {@code steps} steps gives
     */
    public int windowCount(int steps) {
        return steps < span() ? 0 : (steps - span()) / stride + 1;
    }

    /** @return e.g. {@code look-back 10, horizon 1, many-to-one} */
    public String describe() {
        return "look-back " + lookBack + ", horizon " + horizon + ", " + topology.label()
                + (stride == 1 ? "" : ", stride " + stride);
    }
}
