package io.github.rnnkit.data.series;

import java.util.List;
import java.util.Locale;

/** Whether a column holds categories (one label per step) or prices (a number per step). */
public enum SeriesKind {
    CATEGORICAL, PRICE;

    /**
     * Infers the kind of a column: {@link #PRICE} when every non-blank value reads as a number
     * (NaN and infinity included, so that they are reported as bad prices rather than taken as
     * categories), otherwise {@link #CATEGORICAL}.
     */
    public static SeriesKind infer(List<String> values) {
        boolean any = false;
        for (String v : values) {
            if (v.isEmpty()) {
                continue;
            }
            any = true;
            if (!Numbers.isNumber(v)) {
                return CATEGORICAL;
            }
        }
        return any ? PRICE : CATEGORICAL;
    }

    /** @return the name used on the command line */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
