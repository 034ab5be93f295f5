package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;

/**
 * A series split chronologically and cut into windows inside each part, with everything fitted
 * (vocabulary, scalers) fitted on the training part only. An empty part gives an empty set.
 */
public interface WindowedDataset {

    /** @return the window every part was cut with */
    WindowSpec window();

    /** @return the series steps of each part */
    ChronoSplit split();

    /** @return windows of the training part */
    SequenceSet train();

    /** @return windows of the validation part (empty when it has no steps) */
    SequenceSet validation();

    /** @return windows of the test part (empty when it has no steps) */
    SequenceSet test();

    /**
     * Names of the parts as used in messages.
     *
     * @param split the split
     * @param range one of its parts
     * @return "the training part", "the validation part" or "the test part"
     */
    static String partName(ChronoSplit split, IndexRange range) {
        if (range == split.train()) {
            return "the training part";
        }
        return range == split.validation() ? "the validation part" : "the test part";
    }
}
