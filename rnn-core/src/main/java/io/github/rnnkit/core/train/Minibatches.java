package io.github.rnnkit.core.train;

import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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

    /**
     * Trains {@code net} in this process on exactly the minibatches a {@link DataParallelFit} spreads
     * over its workers (epoch {@code e} in the order of seed {@code seed + e}), one after another,
     * with no early stopping: the single-machine control of a data-parallel fit.
     *
     * @param net        an initialised network, trained in place
     * @param train      training windows
     * @param validation validation windows, scored after each epoch
     * @param epochs     passes
     * @param batchSize  windows per minibatch
     * @param seed       seed of the first epoch's order
     * @return the validation loss after each epoch
     */
    public static List<Double> fitInOrder(MultiLayerNetwork net, SequenceSet train, SequenceSet validation, int epochs, int batchSize,
                                          long seed) {
        List<Double> losses = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (DataSet ds : of(train, batchSize, seed + e)) {
                net.fit(ds);
            }
            losses.add(Trainer.loss(net, validation));
        }
        return losses;
    }
}
