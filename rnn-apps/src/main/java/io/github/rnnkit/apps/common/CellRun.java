package io.github.rnnkit.apps.common;

import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.window.SequenceSet;

/**
 * One cell trained for a walkthrough or a comparison: the spec, the trained network (at its best
 * validation epoch when there was a validation part) and how training went.
 *
 * @param spec    what was trained
 * @param net     the trained network
 * @param history losses per epoch and update
 * @param params  number of trainable parameters
 */
public record CellRun(ModelSpec spec, RnnNetwork net, TrainingHistory history, long params) {

    /**
     * Builds {@code spec}'s network and trains it with {@link Trainer#fit}.
     *
     * @param spec the spec
     * @param train training windows
     * @param validation validation windows, possibly empty
     * @param options how to train
     * @return the trained network with its history
     */
    public static CellRun train(ModelSpec spec, SequenceSet train, SequenceSet validation, TrainerOptions options) {
        RnnNetwork net = NetworkFactory.create(spec);
        TrainingHistory history = Trainer.fit(net, train, validation, options);
        return new CellRun(spec, net, history, net.numParams());
    }

    /**
     * @param set the windows
     * @param max at most this many windows are used
     * @return mean ‖∂L/∂x_t‖ over the windows of {@code set} (at most {@code max} of them), by distance from the last step
     */
    public double[] inputGradientsByDistance(SequenceSet set, int max) {
        return GradientDiagnostics.inputGradientNorms(net, set.subset(0, Math.min(max, set.size())).toDataSet()).byDistance();
    }
}
