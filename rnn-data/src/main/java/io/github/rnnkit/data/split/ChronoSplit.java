package io.github.rnnkit.data.split;

import java.time.LocalDate;
import java.util.List;

/**
 * A chronological split of a series into contiguous train, validation and test parts, in that
 * order (from {@link #byFraction} and {@link #byDate} they cover the whole series; a sliding
 * {@link WalkForward} fold's training part starts later). Windows are later cut inside each part, so no window
 * crosses a boundary and nothing from a later part leaks into an earlier one.
 *
 * @param train      the first part
 * @param validation the middle part (may be empty)
 * @param test       the last part (may be empty)
 */
public record ChronoSplit(IndexRange train, IndexRange validation, IndexRange test) {
    /**
     * Checks that the parts are contiguous, in order, and the training part not empty.
     *
     * @param train the first part
     * @param validation the middle part (may be empty)
     * @param test the last part (may be empty)
     */
    public ChronoSplit {
        if (validation.from() != train.to() || test.from() != validation.to()) {
            throw new IllegalArgumentException("parts must be contiguous: train " + train
                    + ", validation " + validation + ", test " + test);
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training part is empty");
        }
    }

    /**
     * Splits {@code n} steps by fractions, rounding the boundaries to the nearest step.
     *
     * @param n steps in the series
     * @param f train, validation and test fractions
     * @return the split
     * @throws IllegalArgumentException when a part with a non-zero fraction would be empty
     */
    public static ChronoSplit byFraction(int n, SplitFractions f) {
        int trainEnd = (int) Math.round(n * f.train());
        int validationEnd = (int) Math.round(n * (f.train() + f.validation()));
        if (f.test() == 0) {
            validationEnd = n;
        }
        if (f.validation() == 0) {
            validationEnd = trainEnd;
        }
        ChronoSplit split = new ChronoSplit(new IndexRange(0, trainEnd), new IndexRange(trainEnd, validationEnd),
                new IndexRange(validationEnd, n));
        if ((f.validation() > 0 && split.validation.isEmpty()) || (f.test() > 0 && split.test.isEmpty())) {
            throw new IllegalArgumentException("a series of " + n + " steps is too short to split " + f);
        }
        return split;
    }

    /**
     * Splits a dated series: train before {@code validationStart}, validation from it up to
     * {@code testStart}, test from {@code testStart} on.
     *
     * @param dates           strictly increasing dates of the series
     * @param validationStart first date of the validation part
     * @param testStart       first date of the test part, not before {@code validationStart}
     * @return the split
     */
    public static ChronoSplit byDate(List<LocalDate> dates, LocalDate validationStart, LocalDate testStart) {
        if (dates == null) {
            throw new IllegalArgumentException("the series has no dates: split it by fractions instead");
        }
        if (testStart.isBefore(validationStart)) {
            throw new IllegalArgumentException("test start " + testStart + " is before validation start " + validationStart);
        }
        int trainEnd = firstOnOrAfter(dates, validationStart);
        int validationEnd = firstOnOrAfter(dates, testStart);
        if (trainEnd == 0) {
            throw new IllegalArgumentException("no date before " + validationStart + ": the training part would be empty (series starts "
                    + dates.get(0) + ")");
        }
        return new ChronoSplit(new IndexRange(0, trainEnd), new IndexRange(trainEnd, validationEnd),
                new IndexRange(validationEnd, dates.size()));
    }

    private static int firstOnOrAfter(List<LocalDate> dates, LocalDate d) {
        int i = 0;
        while (i < dates.size() && dates.get(i).isBefore(d)) {
            i++;
        }
        return i;
    }

    /** @return the train, validation and test ranges in order */
    public List<IndexRange> parts() {
        return List.of(train, validation, test);
    }
}
