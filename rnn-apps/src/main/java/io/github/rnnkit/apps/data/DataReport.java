package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.summary.CategoricalProfile;
import io.github.rnnkit.data.summary.PriceProfile;
import io.github.rnnkit.data.summary.WindowPlan;

import java.util.List;

/**
 * What {@code rnnkit data} found: one of {@code categorical} and {@code price} is set,
 * according to {@code kind}.
 *
 * @param source       the file or sample read
 * @param description  one line about a sample (source, licence), or null for a file
 * @param columns      all columns of the file
 * @param column       the column profiled
 * @param dateColumn   the date column used, or null
 * @param kind         what the column holds
 * @param kindInferred true when the kind was inferred rather than given
 * @param categorical  the profile of a categorical column, else null
 * @param price        the profile of a price column, else null
 * @param plan         windows per part for the requested window and split
 */
public record DataReport(String source, String description, List<String> columns, String column, String dateColumn,
                         SeriesKind kind, boolean kindInferred, CategoricalProfile categorical, PriceProfile price,
                         WindowPlan plan) {

    /** @return the steps in the series */
    public int length() {
        return kind == SeriesKind.CATEGORICAL ? categorical.length() : price.length();
    }
}
