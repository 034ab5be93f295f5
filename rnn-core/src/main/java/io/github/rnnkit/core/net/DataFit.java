package io.github.rnnkit.core.net;

import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The one place that checks a network (or the spec it will be built from) against the windows it
 * is given, before any training or forecasting: the same input features per step, the same number
 * of classes or target values, classification on categories and regression on values, and a
 * seq2seq horizon the windows have. Each failure is one {@link IllegalArgumentException} naming
 * both sides and what to change, instead of an index error deep inside DL4J or a network that
 * trains on the wrong loss.
 */
public final class DataFit {
    private DataFit() {
    }

    /**
     * Checks a spec against every part of a dataset, before a network is built.
     *
     * @param spec the spec a network will be built from
     * @param data the dataset it will be trained on
     * @throws IllegalArgumentException when the spec does not fit the data
     */
    public static void require(ModelSpec spec, WindowedDataset data) {
        if (spec.topology() != data.window().topology()) {
            throw new IllegalArgumentException("the spec is " + spec.topology() + " but the dataset's windows are "
                    + data.window().topology() + " (" + data.window().describe() + "): set the topology to "
                    + data.window().topology());
        }
        require(NetworkShape.of(spec), data.train(), "the spec", "the training part");
    }

    /**
     * Checks a network against a set of windows.
     *
     * @param what the set's name in messages, e.g. "the training part"
     * @param net the network
     * @param windows the windows it will be given
     * @throws IllegalArgumentException when the network does not fit the windows
     */
    public static void require(MultiLayerNetwork net, SequenceSet windows, String what) {
        require(NetworkShape.of(net), windows, "the network", what);
    }

    private static void require(NetworkShape shape, SequenceSet set, String model, String what) {
        boolean classes = set.isClassification();
        if (classes && shape.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(model + " is a regression (MSE on values) but " + what
                    + " holds categories (" + set.targetCount() + " classes): use Task.CLASSIFICATION with output size "
                    + set.targetCount());
        }
        if (!classes && shape.task() == Task.CLASSIFICATION) {
            throw new IllegalArgumentException(model + " is a classifier (softmax over " + shape.outputSize()
                    + " classes) but " + what + " holds numeric targets: use Task.REGRESSION with output size "
                    + set.targetCount());
        }
        if (shape.inputSize() != set.featureCount()) {
            throw new IllegalArgumentException(model + " takes " + shape.inputSize() + " input feature(s) per step but "
                    + what + " has " + set.featureCount() + (classes ? " (one-hot categories)" : "")
                    + ": set the input size to " + set.featureCount());
        }
        if (shape.outputSize() != set.targetCount()) {
            throw new IllegalArgumentException(model + " gives " + shape.outputSize()
                    + (classes ? " class probabilities" : " value(s)") + " per step but " + what + " has "
                    + set.targetCount() + (classes ? " classes" : " target value(s)") + ": set the output size to "
                    + set.targetCount());
        }
        boolean seq2seqData = set.topology() == Topology.SEQ2SEQ;
        if (shape.seq2seqHorizon() > 0 != seq2seqData) {
            throw new IllegalArgumentException(model + (shape.seq2seqHorizon() > 0
                    ? " is SEQ2SEQ with horizon " + shape.seq2seqHorizon() + " but " + what + " has " + set.topology()
                    + " windows" : " forecasts one step but " + what + " has SEQ2SEQ windows"));
        }
        if (seq2seqData && !set.isEmpty() && set.get(0).targetLength() != shape.seq2seqHorizon()) {
            throw new IllegalArgumentException(model + " forecasts a horizon of " + shape.seq2seqHorizon() + " steps but "
                    + what + "'s windows have " + set.get(0).targetLength() + ": set the horizon to "
                    + set.get(0).targetLength());
        }
    }
}
