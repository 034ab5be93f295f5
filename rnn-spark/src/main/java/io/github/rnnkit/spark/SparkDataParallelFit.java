package io.github.rnnkit.spark;

import io.github.rnnkit.core.train.DataParallelFit;
import io.github.rnnkit.core.train.DataParallelMethod;
import io.github.rnnkit.data.window.SequenceSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Spark's entry in {@link DataParallelFit}: a context for the master, {@link DataParallelTraining}
 * (parameter averaging every 5 minibatches, or gradient sharing), the context stopped at the end.
 */
public final class SparkDataParallelFit implements DataParallelFit {
    /** Made by {@link java.util.ServiceLoader}. */
    public SparkDataParallelFit() {
    }

    @Override
    public boolean accepts(String master) {
        return new SparkRunnerProvider().accepts(master);
    }

    @Override
    public Result fit(String master, int workers, DataParallelMethod method, MultiLayerNetwork net, SequenceSet train, SequenceSet validation, int epochs,
                      int batchSize, long seed) {
        try (JavaSparkContext sc = SparkRunner.context(master, 1)) {
            DataParallelTraining.Result r = DataParallelTraining.fit(sc, net, train, validation, epochs, batchSize, workers, method, 5,
                    seed);
            if (r.network() != net) {
                net.setParams(r.network().params());
            }
            return new Result(r.validationLoss(), r.seconds());
        }
    }
}
