package io.github.rnnkit.core.bundle;

import io.github.rnnkit.core.net.NetworkShape;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.series.SeriesKind;

/**
 * Checks the parts of a bundle against each other: a network of its spec's shape, and a data
 * description that gives the network exactly the inputs and targets it was built for (categories
 * for a classifier, one-hot over a vocabulary of its output size; one input per price column and
 * one output per step for a regression; the spec's topology and horizon). Each part may be valid
 * alone and still, with another, forecast wrong numbers or relabel categories.
 */
final class BundleConsistency {
    private BundleConsistency() {
    }

    /**
     * @throws IllegalArgumentException naming the two parts that disagree and how
     */
    static void require(RnnNetwork network, ModelSpec spec, DataDescription data) {
        if (network != null) {
            NetworkShape found = NetworkShape.of(network);
            if (!found.equals(NetworkShape.of(spec))) {
                throw new IllegalArgumentException("the network is " + found + " but spec.json says " + NetworkShape.of(spec));
            }
        }
        if (data == null) {
            return;
        }
        if (data.kind() == SeriesKind.CATEGORICAL) {
            if (spec.task() != Task.CLASSIFICATION) {
                throw new IllegalArgumentException("data.json describes categories but spec.json a " + spec.task()
                        + " network");
            }
            int k = data.vocabulary().size();
            if (spec.inputSize() != k || spec.outputSize() != k) {
                throw new IllegalArgumentException("data.json has a vocabulary of " + k + " categories but the network takes "
                        + spec.inputSize() + " inputs and gives " + spec.outputSize() + " classes");
            }
        } else {
            if (spec.task() != Task.REGRESSION) {
                throw new IllegalArgumentException("data.json describes prices but spec.json a " + spec.task() + " network");
            }
            if (spec.inputSize() != data.columns().size()) {
                throw new IllegalArgumentException("data.json has " + data.columns().size() + " column(s) " + data.columns()
                        + " but the network takes " + spec.inputSize() + " input(s) per step");
            }
            if (spec.outputSize() != 1) {
                throw new IllegalArgumentException("a price network forecasts its first column (1 output per step); "
                        + "spec.json says " + spec.outputSize());
            }
        }
        if (data.window().topology() != spec.topology()) {
            throw new IllegalArgumentException("data.json's windows are " + data.window().topology() + " but spec.json's "
                    + "network is " + spec.topology());
        }
        if (data.window().horizon() != spec.horizon()) {
            throw new IllegalArgumentException("data.json's windows have a horizon of " + data.window().horizon()
                    + " but spec.json's network " + spec.horizon());
        }
    }
}
