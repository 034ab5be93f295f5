package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.MissingValues;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;

import java.nio.file.Path;

/**
 * What {@code rnnkit data} looks at.
 *
 * @param csv        a CSV file, or null when {@code sample} is given
 * @param sample     a bundled sample, or null when {@code csv} is given
 * @param column     the column to profile; null for a sample's default column
 * @param kind       categorical or price; null to infer it from the values
 * @param dateColumn the date column; null to use one named {@code date} if there is one
 * @param missing    what to do with blank values
 * @param window     the window to plan for
 * @param split      chronological split fractions
 */
public record DataOptions(Path csv, SampleDataset sample, String column, SeriesKind kind, String dateColumn,
                          MissingValues missing, WindowSpec window, SplitFractions split) {
    public DataOptions {
        if ((csv == null) == (sample == null)) {
            throw new IllegalArgumentException("give either a CSV file or a sample, not " + (csv == null ? "neither" : "both"));
        }
        if (csv != null && column == null) {
            throw new IllegalArgumentException("name the column to look at with --column");
        }
    }

    /** Defaults for a sample: its default column, inferred kind, look-back 10, default split. */
    public static DataOptions of(SampleDataset sample) {
        return new DataOptions(null, sample, null, null, null, MissingValues.ERROR, WindowSpec.manyToOne(10),
                SplitFractions.DEFAULT);
    }
}
