package io.github.rnnkit.data.series;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.split.IndexRange;

import java.time.LocalDate;
import java.util.List;

/**
 * The time axis of a series: where it came from, the date of each step (when the data has
 * dates) and the 1-based source line of each step (when it was read from a file), so that a
 * problem found later can still be reported at its line.
 *
 * @param source name of the file or description of the data
 * @param length number of steps
 * @param dates  date of each step, strictly increasing; null when the series has no dates
 * @param lines  1-based source line of each step; null when not read from a file
 * @param offset position of step 0 in the series this index was sliced from (0 if not a slice)
 */
public record TimeIndex(String source, int length, List<LocalDate> dates, int[] lines, int offset) {
    /**
     * Checks that dates and lines, when given, have one entry per step.
     *
     * @param source name of the file or description of the data
     * @param length number of steps
     * @param dates date of each step, strictly increasing; null when the series has no dates
     * @param lines 1-based source line of each step; null when not read from a file
     * @param offset position of step 0 in the series this index was sliced from (0 if not a slice)
     */
    public TimeIndex {
        if (dates != null) {
            dates = List.copyOf(dates);
            if (dates.size() != length) {
                throw new IllegalArgumentException("dates has " + dates.size() + " entries for " + length + " steps");
            }
        }
        if (lines != null && lines.length != length) {
            throw new IllegalArgumentException("lines has " + lines.length + " entries for " + length + " steps");
        }
    }

    /**
     * An index that is not a slice of another.
     *
     * @param source the file or description the steps come from
     * @param length the number of steps
     * @param dates one date per step, or null
     * @param lines the 1-based source line of each step, or null
     */
    public TimeIndex(String source, int length, List<LocalDate> dates, int[] lines) {
        this(source, length, dates, lines, 0);
    }

    /**
     * An index for values given in code: no dates, no lines.
     *
     * @param source a description used in error messages
     * @param length the number of steps
     * @return the index
     */
    public static TimeIndex of(String source, int length) {
        return new TimeIndex(source, length, null, null);
    }

    /** @return true when every step has a date */
    public boolean hasDates() {
        return dates != null;
    }

    /**
     * @param t 0-based step
     * @return the date of step {@code t}, or null when the series has no dates
     */
    public LocalDate date(int t) {
        return dates == null ? null : dates.get(t);
    }

    /**
     * @param t 0-based step
     * @return the 1-based source line of step {@code t}, or 0 when unknown
     */
    public int line(int t) {
        return lines == null ? 0 : lines[t];
    }

    /**
     * @param t 0-based step
     * @param column the column, or null
     * @param problem what is wrong
     * @return an error located at step {@code t}: its line when known, else its position
     */
    public DataException error(int t, String column, String problem) {
        if (lines != null) {
            return new DataException(source, lines[t], column, problem);
        }
        return new DataException(source, 0, column, problem + " (at step " + (offset + t) + ")");
    }

    /**
     * @param range steps of this index
     * @return the index of the steps in {@code range}
     */
    public TimeIndex slice(IndexRange range) {
        return new TimeIndex(source, range.length(),
                dates == null ? null : dates.subList(range.from(), range.to()),
                lines == null ? null : java.util.Arrays.copyOfRange(lines, range.from(), range.to()),
                offset + range.from());
    }
}
