package io.github.rnnkit.core.train;

import io.github.rnnkit.data.window.SequenceSet;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/** One epoch's minibatches as DataSets, in a seeded order: what data-parallel training and its single-machine control share. */
public final class Minibatches {
    private Minibatches() {
    }

    /**
     * @param set       windows
     * @param batchSize windows per minibatch (the last may hold fewer)
     * @param seed      seed of the order
     * @return the windows shuffled and cut into minibatches
     */
    public static List<DataSet> of(SequenceSet set, int batchSize, long seed) {
        SequenceSet shuffled = set.shuffled(seed);
        List<DataSet> out = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i += batchSize) {
            out.add(shuffled.subset(i, Math.min(shuffled.size(), i + batchSize)).toDataSet());
        }
        return out;
    }
}
