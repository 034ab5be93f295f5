package io.github.rnnkit.core.train;

import io.github.rnnkit.core.eval.CategoricalForecast;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.core.net.DataFit;
import io.github.rnnkit.core.net.MemoryBudget;
import io.github.rnnkit.core.net.RnnNetwork;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Trains a network on windows from rnn-data: epochs of shuffled minibatches, validation after
 * every epoch, early stopping on the validation loss with patience, the best epoch's parameters
 * restored at the end, checkpoints from which a killed run {@link #resume resumes} exactly, a progress bar, and a clear stop
 * ({@link TrainingDivergedException}) when the loss becomes NaN or infinite. With the same
 * network seed, data and options, two runs give the same parameters.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * @param validation windows to validate on after each epoch; may be empty, and then the
     * training loss decides the best epoch and nothing stops early
     * @param net the network to train, in place
     * @param train the training windows
     * @param o epochs, batch size, patience, seed, checkpoints and progress
     * @return what happened; the network holds the best epoch's parameters
     * @throws IllegalArgumentException when the network does not fit the windows ({@link DataFit})
     */
    public static TrainingHistory fit(MultiLayerNetwork net, SequenceSet train, SequenceSet validation,
                                      TrainerOptions o) {
        return run(net, train, validation, o, false);
    }

    /**
     * Continues a run that was stopped (killed, or its machine restarted) from the last
     * checkpoint in {@code o.checkpointDir()}: the network's parameters, updater state and
     * iteration count, the early-stopping state and every loss so far are restored, and the
     * remaining epochs run exactly as they would have without the interruption, so that the
     * result equals an uninterrupted run's (same parameters, same history but for wall times).
     *
     * @param net a network built from the same spec as the stopped run's (its parameters are replaced)
     * @param train the same training windows
     * @param validation the same validation windows
     * @param o the same options, with the run's checkpoint folder
     * @return the whole run's history; the network holds the best epoch's parameters
     * @throws IllegalArgumentException when there is no checkpoint, or it is of another network or other options
     */
    public static TrainingHistory resume(MultiLayerNetwork net, SequenceSet train, SequenceSet validation,
                                         TrainerOptions o) {
        if (!TrainingCheckpoint.exists(o.checkpointDir())) {
            throw new IllegalArgumentException("no checkpoint to resume from in "
                    + (o.checkpointDir() == null ? "(no checkpoint folder given)" : o.checkpointDir()));
        }
        return run(net, train, validation, o, true);
    }

    /**
     * @param dir a checkpoint folder
     * @return true when it holds a checkpoint {@link #resume} can continue from
     */
    public static boolean hasCheckpoint(Path dir) {
        return TrainingCheckpoint.exists(dir);
    }

    private static TrainingHistory run(MultiLayerNetwork net, SequenceSet train, SequenceSet validation,
                                       TrainerOptions o, boolean resume) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training windows");
        }
        boolean hasValidation = validation != null && !validation.isEmpty();
        DataFit.require(net, train, "the training part");
        if (hasValidation) {
            DataFit.require(net, validation, "the validation part");
        }
        // A batch beyond the data is one batch of all windows; allocating for the nominal size
        // (e.g. 2^31 - 1) would fail for nothing.
        int batchSize = Math.min(o.batchSize(), train.size());
        if (net instanceof RnnNetwork r && r.spec() != null) {
            MemoryBudget.requireTrainable(r.spec(), batchSize, train.get(0).features().length);
        }
        // Made once: the same validation minibatches are scored after every epoch.
        List<DataSet> validationChunks = hasValidation ? ModelOutputs.chunks(validation) : List.of();
        List<Double> iterations = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        int batches = (train.size() + batchSize - 1) / batchSize;
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        double lastValidation = Double.NaN;
        int first = 1;
        if (resume) {
            INDArray[] bestHolder = new INDArray[1];
            TrainingCheckpoint.State s = TrainingCheckpoint.restore(o.checkpointDir(), net, o, bestHolder);
            iterations.addAll(s.iterations());
            epochs.addAll(s.epochs());
            best = s.best();
            bestEpoch = s.bestEpoch();
            bestParams = bestHolder[0];
            sinceBest = s.sinceBest();
            stoppedEarly = s.stoppedEarly();
            first = stoppedEarly ? o.epochs() + 1 : s.epoch() + 1;
            lastValidation = epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationLoss();
        }
        // One minibatch holds every window: the order inside it changes nothing but round-off, so it is
        // made once rather than shuffled and rebuilt every epoch (a full-batch run's updates are many
        // and cheap, and rebuilding was a tenth of each).
        DataSet wholeSet = batches == 1 ? train.iterator(batchSize).next() : null;
        TrainingCheckpoint.Writer checkpoints = o.checkpointDir() == null ? null
                : new TrainingCheckpoint.Writer(o.checkpointDir(), o);
        try {
            for (int epoch = first; epoch <= o.epochs(); epoch++) {
                long start = System.nanoTime();
                // Dropout draws from ND4J's global generator: seeding it per epoch makes an epoch's
                // masks depend only on (seed, epoch), so a resumed run draws the same ones.
                Nd4j.getRandom().setSeed(o.seed() * 1_000_003L + epoch);
                Iterator<DataSet> it = wholeSet != null ? List.of(wholeSet).iterator()
                        : train.shuffled(o.seed() + epoch).iterator(batchSize);
                double sum = 0;
                int count = 0;
                while (it.hasNext()) {
                    net.fit(it.next());
                    double loss = net.score();
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException(epoch, iterations.size() + 1, loss, clipping(net));
                    }
                    iterations.add(loss);
                    sum += loss;
                    count++;
                    double done = ((epoch - 1) * (double) batches + count) / ((double) o.epochs() * batches);
                    o.progress().update(epoch, o.epochs(), done, loss, lastValidation);
                }
                double trainLoss = sum / count;
                double validationLoss = hasValidation ? loss(net, validationChunks, validation.size()) : Double.NaN;
                double metric = hasValidation ? metric(net, validation, validationChunks) : Double.NaN;
                lastValidation = validationLoss;
                epochs.add(new EpochRecord(epoch, trainLoss, validationLoss, metric, (System.nanoTime() - start) / 1e9));
                double monitored = hasValidation ? validationLoss : trainLoss;
                boolean improved = monitored < best;
                if (improved) {
                    best = monitored;
                    bestEpoch = epoch;
                    bestParams = net.params().dup();
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                boolean reachedTarget = hasValidation && validationLoss <= o.targetLoss();
                stoppedEarly = epoch < o.epochs() && (reachedTarget || hasValidation && o.patience() > 0 && sinceBest >= o.patience());
                if (checkpoints != null) {
                    checkpoints.save(net, new TrainingCheckpoint.State(epoch, List.copyOf(iterations), List.copyOf(epochs),
                            best, bestEpoch, sinceBest, stoppedEarly), improved ? bestParams : null);
                }
                if (stoppedEarly) {
                    break;
                }
            }
        } finally {
            o.progress().finish();
            if (checkpoints != null) {
                checkpoints.close();   // the last checkpoint is on disk when fit returns (or throws)
            }
        }
        if (bestParams != null && bestEpoch != epochs.size()) {
            net.setParams(bestParams);
        }
        return new TrainingHistory(train.isClassification() ? "accuracy" : "rmse", iterations, epochs, bestEpoch,
                stoppedEarly);
    }

    private static boolean clipping(MultiLayerNetwork net) {
        for (NeuralNetConfiguration c : net.getLayerWiseConfigurations().getConfs()) {
            if (c.getLayer() instanceof BaseLayer b && b.getGradientNormalization() != null
                    && b.getGradientNormalization() != GradientNormalization.None) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param net the network
     * @param set the windows
     * @return the mean loss per window over the set
     */
    public static double loss(MultiLayerNetwork net, SequenceSet set) {
        return loss(net, ModelOutputs.chunks(set), set.size());
    }

    private static double loss(MultiLayerNetwork net, List<DataSet> chunks, int size) {
        double total = 0;
        for (DataSet ds : chunks) {
            total += net.score(ds, false) * ds.numExamples();
        }
        return total / size;
    }

    /** @return next-step accuracy (classification) or RMSE in scaled units (regression) */
    static double metric(MultiLayerNetwork net, SequenceSet set) {
        return metric(net, set, ModelOutputs.chunks(set));
    }

    private static double metric(MultiLayerNetwork net, SequenceSet set, List<DataSet> chunks) {
        double[][][] out = ModelOutputs.forecasts(net, set, chunks);
        double acc = 0;
        int n = 0;
        for (int i = 0; i < set.size(); i++) {
            SequenceSample s = set.get(i);
            int offset = set.topology() == Topology.MANY_TO_MANY ? s.targetLength() - 1 : 0;
            for (int h = 0; h < out[i].length; h++) {
                double[] target = s.targets()[offset + h];
                if (set.isClassification()) {
                    acc += CategoricalForecast.argMax(out[i][h]) == (int) target[0] ? 1 : 0;
                } else {
                    for (int k = 0; k < target.length; k++) {
                        double e = out[i][h][k] - target[k];
                        acc += e * e;
                    }
                }
                n++;
            }
        }
        return set.isClassification() ? acc / n : Math.sqrt(acc / n);
    }

}
