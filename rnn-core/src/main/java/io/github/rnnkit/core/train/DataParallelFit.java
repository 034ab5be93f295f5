package io.github.rnnkit.core.train;

import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Data-parallel training of one network on a distributed engine (experimental), found with
 * {@link ServiceLoader} when its module is on the class path: the optional {@code rnn-spark}
 * module provides one on Spark (parameter averaging or gradient sharing).
 */
public interface DataParallelFit {
    /**
     * What a data-parallel fit gave.
     *
     * @param validationLoss the validation loss after each epoch
     * @param seconds        wall time, validation included
     */
    record Result(List<Double> validationLoss, double seconds) {
    }

    /**
     * @param master where to train, e.g. {@code local[2]} or {@code spark://host:7077}
     * @return true when this engine trains on such a master
     */
    boolean accepts(String master);

    /**
     * Trains {@code net} in place for {@code epochs} passes over {@code train}.
     *
     * @param master     where to train
     * @param workers    partitions (workers) the minibatches are spread over
     * @param method     how the workers' copies are kept in step
     * @param net        an initialised network
     * @param train      training windows
     * @param validation validation windows, scored after each epoch
     * @param epochs     passes
     * @param batchSize  windows per minibatch
     * @param seed       seed of the minibatch order
     * @return the validation loss per epoch and the time
     */
    Result fit(String master, int workers, DataParallelMethod method, MultiLayerNetwork net, SequenceSet train, SequenceSet validation, int epochs, int batchSize,
               long seed);

    /**
     * @param master where to train
     * @return the engine on the class path that accepts {@code master}
     * @throws IllegalArgumentException when there is none
     */
    static DataParallelFit forMaster(String master) {
        for (DataParallelFit f : ServiceLoader.load(DataParallelFit.class)) {
            if (f.accepts(master)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no data-parallel trainer for the master '" + master + "': "
                + io.github.rnnkit.core.run.PlanRunners.SPARK_HINT);
    }
}
