package io.github.rnnkit.apps.data;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;

/**
 * What {@code rnnkit data} looks at.
 *
 * @param input  the series (the first column is profiled)
 * @param kind   categorical or price; null to infer it from the values
 * @param window the window to plan for
 * @param split  chronological split fractions
 */
public record DataOptions(SeriesInput input, SeriesKind kind, WindowSpec window, SplitFractions split) {

    /**
     * Defaults for a sample: its default column, inferred kind, look-back 10, default split.
     *
     * @param sample the sample
     * @return the options
     */
    public static DataOptions of(SampleDataset sample) {
        return new DataOptions(SeriesInput.of(sample), null, WindowSpec.manyToOne(10), SplitFractions.DEFAULT);
    }
}
