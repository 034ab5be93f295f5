package io.github.rnnkit.data;

/**
 * How inputs map to targets in a window of look-back L.
 *
 * <ul>
 *   <li>{@link #MANY_TO_ONE}: L inputs, one target, the value right after the window.</li>
 *   <li>{@link #MANY_TO_MANY}: L inputs, L targets, the input shifted by one step.</li>
 *   <li>{@link #SEQ2SEQ}: L inputs, H targets, the H values right after the window.</li>
 * </ul>
 */
public enum Topology {
    /** L inputs, one target: the value right after the window. */
    MANY_TO_ONE,
    /** L inputs, L targets: the input shifted by one step. */
    MANY_TO_MANY,
    /** L inputs, H targets: the H values right after the window. */
    SEQ2SEQ;

    /** @return the lower-case hyphenated name used on the command line, e.g. {@code many-to-one} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("_to_", "-to-");
    }
}
