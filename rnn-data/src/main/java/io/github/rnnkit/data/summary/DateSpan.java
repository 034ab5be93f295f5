package io.github.rnnkit.data.summary;

import io.github.rnnkit.data.series.TimeIndex;
import io.github.rnnkit.data.split.IndexRange;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates a run of steps covers and how regular they are.
 *
 * @param first      first date
 * @param last       last date
 * @param medianGap  median days between consecutive steps (1 for daily data)
 * @param largestGap most days between two consecutive steps
 * @param largestGapAfter the date after which the largest gap starts
 */
public record DateSpan(LocalDate first, LocalDate last, long medianGap, long largestGap, LocalDate largestGapAfter) {

    /**
     * @param index the series' time index
     * @param range steps of the series
     * @return the span of {@code range}, or null when the index has no dates or the range is empty
     */
    public static DateSpan of(TimeIndex index, IndexRange range) {
        if (!index.hasDates() || range.isEmpty()) {
            return null;
        }
        int n = range.length();
        long[] gaps = new long[Math.max(0, n - 1)];
        long largest = 0;
        LocalDate after = null;
        for (int i = 1; i < n; i++) {
            LocalDate a = index.date(range.from() + i - 1);
            gaps[i - 1] = ChronoUnit.DAYS.between(a, index.date(range.from() + i));
            if (gaps[i - 1] > largest) {
                largest = gaps[i - 1];
                after = a;
            }
        }
        java.util.Arrays.sort(gaps);
        long median = gaps.length == 0 ? 0 : gaps[gaps.length / 2];
        return new DateSpan(index.date(range.from()), index.date(range.to() - 1), median, largest, after);
    }
}
