package io.github.rnnkit.data.series;

/**
 * What to do with a blank (or, for prices, NaN) value in a series column.
 * {@link #ERROR} is the default: a gap is reported, never silently filled.
 */
public enum MissingValues {
    /** Stop with an error naming the line and column. */
    ERROR,
    /** Drop the row. */
    DROP,
    /** Repeat the last value seen; a gap before the first value is still an error. */
    FORWARD_FILL
}
