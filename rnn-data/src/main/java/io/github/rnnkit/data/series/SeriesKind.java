package io.github.rnnkit.data.series;

import io.github.rnnkit.data.csv.CsvNumbers;

import java.util.List;
import java.util.Locale;

/** Whether a column holds categories (one label per step) or prices (a number per step). */
public enum SeriesKind {
    /** One label per step, from a vocabulary (e.g. sun, rain, fog). */
    CATEGORICAL,
    /** One number per step (a price, a volume, a reading). */
    PRICE;

    /**
     * Infers the kind of a column: {@link #PRICE} when at least 90 % of the non-blank values read
     * as numbers (NaN and infinity included), otherwise {@link #CATEGORICAL}. The margin makes a
     * price column with a few typos a price column, so its bad values are reported by line
     * instead of the whole column being taken as categories.
     *
     * @param values the column's text, one entry per row
     * @return the kind
     */
    public static SeriesKind infer(List<String> values) {
        int present = 0;
        int numeric = 0;
        for (String v : values) {
            if (!v.isEmpty()) {
                present++;
                numeric += CsvNumbers.isNumber(v) ? 1 : 0;
            }
        }
        return present > 0 && numeric >= 0.9 * present ? PRICE : CATEGORICAL;
    }

    /** @return the name used on the command line */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
