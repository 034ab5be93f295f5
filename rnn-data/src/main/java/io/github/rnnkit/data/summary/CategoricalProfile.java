package io.github.rnnkit.data.summary;

import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.split.IndexRange;

import java.util.Map;

/**
 * What to know about a categorical series before modelling it: its length and dates, how often
 * each category occurs and the two simplest forecasts any model must beat.
 *
 * @param length          steps
 * @param dates           date span, or null without dates
 * @param counts          occurrences per category, most frequent first
 * @param majorityShare   share of the most frequent category: the accuracy of always predicting it
 * @param persistenceRate share of steps equal to the step before: the accuracy of "same as today"
 * @param missingLines    1-based lines whose blank value was dropped or filled
 */
public record CategoricalProfile(int length, DateSpan dates, Map<String, Integer> counts, double majorityShare,
                                 double persistenceRate, int[] missingLines) {

    /**
     * @param s the series
     * @return its length, categories with counts, missing values and baselines
     */
    public static CategoricalProfile of(CategoricalSeries s) {
        Map<String, Integer> counts = s.counts();
        int max = counts.values().iterator().next();
        int same = 0;
        for (int t = 1; t < s.length(); t++) {
            if (s.get(t).equals(s.get(t - 1))) {
                same++;
            }
        }
        return new CategoricalProfile(s.length(), DateSpan.of(s.index(), new IndexRange(0, s.length())), counts,
                (double) max / s.length(), s.length() > 1 ? (double) same / (s.length() - 1) : Double.NaN,
                s.missingLines());
    }
}
