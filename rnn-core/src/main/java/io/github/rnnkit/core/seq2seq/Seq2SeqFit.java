package io.github.rnnkit.core.seq2seq;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Teacher-forced training of an encoder-decoder network for a number of epochs over shuffled
 * minibatches, optionally keeping the parameters of the epoch with the lowest validation loss (as
 * Keras's {@code ModelCheckpoint(save_best_only=True)} does): the loss is whatever the caller
 * measures, typically the error of free-running (greedy) forecasts on a validation part, which is
 * what the model will be used for, not the teacher-forced loss.
 */
public final class Seq2SeqFit {
    private Seq2SeqFit() {
    }

    /**
     * What training did.
     *
     * @param updates    parameter updates made
     * @param bestEpoch  the epoch (1-based) whose parameters the network holds at the end
     * @param validation the validation loss after each epoch (empty without one)
     * @param seconds    wall time, validation included
     */
    public record Result(int updates, int bestEpoch, List<Double> validation, double seconds) {
    }

    /**
     * @param net        the network, trained in place
     * @param data       all training examples
     * @param batch      examples per update
     * @param epochs     passes over the data
     * @param seed       seed of the minibatch order
     * @param validation the validation loss of the network as it is, or null to keep the last epoch
     * @return what training did
     */
    public static Result fit(MultiLayerNetwork net, DataSet data, int batch, int epochs, long seed,
                             ToDoubleFunction<MultiLayerNetwork> validation) {
        if (epochs < 1 || batch < 1) {
            throw new IllegalArgumentException("epochs and batch must be at least 1, got " + epochs + " and " + batch);
        }
        long start = System.nanoTime();
        List<DataSet> batches = new ArrayList<>(data.batchBy(batch));
        Random order = new Random(seed);
        List<Double> losses = new ArrayList<>();
        INDArray best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = epochs;
        int updates = 0;
        for (int e = 1; e <= epochs; e++) {
            Collections.shuffle(batches, order);
            for (DataSet b : batches) {
                net.fit(b);
                updates++;
            }
            if (validation != null) {
                double loss = validation.applyAsDouble(net);
                losses.add(loss);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestEpoch = e;
                    best = net.params().dup();
                }
            }
        }
        if (best != null) {
            net.setParams(best);
        }
        return new Result(updates, bestEpoch, losses, (System.nanoTime() - start) / 1e9);
    }
}
