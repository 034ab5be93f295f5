package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.series.TimeIndex;

import java.time.LocalDate;

/** How a dataset builder was told to split: by fractions, by dates, or given outright. */
final class SplitChoice {
    private SplitFractions fractions = SplitFractions.DEFAULT;
    private LocalDate validationStart;
    private LocalDate testStart;
    private ChronoSplit given;

    void fractions(SplitFractions f) {
        fractions = f;
        given = null;
        validationStart = null;
    }

    void dates(LocalDate validation, LocalDate test) {
        validationStart = validation;
        testStart = test;
        given = null;
    }

    void given(ChronoSplit split) {
        given = split;
        validationStart = null;
    }

    ChronoSplit resolve(TimeIndex index) {
        if (given != null) {
            if (given.test().to() > index.length()) {
                throw new IllegalArgumentException("split " + given + " goes past the series' " + index.length() + " steps");
            }
            return given;
        }
        if (validationStart != null) {
            if (!index.hasDates()) {
                throw new IllegalArgumentException(index.source() + " has no date column: split it by fractions instead");
            }
            return ChronoSplit.byDate(index.dates(), validationStart, testStart);
        }
        try {
            return ChronoSplit.byFraction(index.length(), fractions);
        } catch (IllegalArgumentException e) {
            throw new DataException(index.source(), e.getMessage());
        }
    }
}
