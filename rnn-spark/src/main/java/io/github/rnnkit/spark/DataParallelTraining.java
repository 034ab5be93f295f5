package io.github.rnnkit.spark;

import io.github.rnnkit.core.train.Minibatches;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.data.window.SequenceSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;
import io.github.rnnkit.core.train.DataParallelMethod;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Data-parallel training of one network on Spark (experimental), through DL4J's own
 * {@code dl4j-spark} (1.0.0-M2, run on DL4J M2.1): each epoch the training windows, cut into
 * minibatches, are spread over {@code workers} partitions; every worker trains a copy of the
 * network on its share, and the copies are kept in step by one of two methods
 * ({@link DataParallelMethod}): their parameters (and updater state) averaged every
 * {@code averagingFrequency} minibatches ({@link ParameterAveragingTrainingMaster}), or their
 * gradients shared asynchronously, threshold-encoded over Aeron UDP ({@link SharedTrainingMaster}, adaptive
 * threshold; dl4j-spark-parameterserver). The network's own layers, rnnkit's recurrent layers
 * included, run unchanged on the workers.
 *
 * <p>Gradient sharing opens a UDP port ({@link #GRADIENT_SHARING_PORT}) on the driver and on every
 * executor, and needs Aeron's publication timeout raised
 * ({@code -Daeron.publication.unblock.timeout=60000000000}, which {@link #fit} sets in this JVM and
 * {@link SparkRunner#context} passes to executors). It is not reliable: on this project's machine it
 * hung within a 10-epoch run in {@code local[2]} (docs/SCALING-OUT.md), so every epoch runs under a
 * deadline (10 min for the first, then 10× the slowest epoch so far, at least 2 min) and a fit that
 * misses it is cancelled with an error instead of waiting forever.
 *
 * <p>What to expect, measured on 2 cores (docs/SCALING-OUT.md): it is slower than training on
 * one machine for models and data of this size, and not bit-for-bit reproducible; it is for data
 * too large for one machine, not for speed on small jobs. The independent-task runners
 * ({@link SparkRunner}) are the way to use many cores for sweeps and many series.
 */
public final class DataParallelTraining {
    /** The UDP port gradient sharing's transport listens on, on the driver and each executor. */
    public static final int GRADIENT_SHARING_PORT = 40123;
    /** Aeron's property for how long a blocked publication waits before it is dropped. */
    static final String AERON_TIMEOUT = "aeron.publication.unblock.timeout";
    /** 60 s, the value gradient sharing was seen to work with on loopback (Aeron's default is 15 s). */
    static final String AERON_TIMEOUT_NANOS = "60000000000";

    /** The first epoch's limit: it includes starting the transport and the workers. */
    static final double FIRST_EPOCH_LIMIT_SECONDS = 600;
    /** A later epoch is given this many times the slowest epoch so far, at least {@link #MIN_EPOCH_LIMIT_SECONDS}. */
    static final double STALL_FACTOR = 10;
    /** The least time a later epoch is given. */
    static final double MIN_EPOCH_LIMIT_SECONDS = 120;

    private DataParallelTraining() {
    }

    /**
     * What a data-parallel fit gave.
     *
     * @param network        the trained network (the driver's copy)
     * @param validationLoss the validation loss after each epoch
     * @param seconds        wall time of the fit, validation included
     */
    public record Result(MultiLayerNetwork network, List<Double> validationLoss, double seconds) {
    }

    /**
     * @param sc                 a running Spark context
     * @param net                an initialised network; it is trained in place on the driver's side
     * @param train              training windows
     * @param validation         validation windows, scored on the driver after each epoch
     * @param epochs             passes over the training windows
     * @param batchSize          windows per minibatch (per worker step)
     * @param workers            partitions the minibatches are spread over
     * @param method             parameter averaging or gradient sharing
     * @param averagingFrequency with parameter averaging: minibatches between averagings
     * @param seed               seed of the minibatch order
     * @return the trained network and its validation loss per epoch
     */
    public static Result fit(JavaSparkContext sc, MultiLayerNetwork net, SequenceSet train, SequenceSet validation, int epochs,
                             int batchSize, int workers, DataParallelMethod method, int averagingFrequency, long seed) {
        if (epochs < 1 || batchSize < 1 || workers < 1 || averagingFrequency < 1) {
            throw new IllegalArgumentException("epochs, batch size, workers and averaging frequency must be at least 1");
        }
        long start = System.nanoTime();
        SparkDl4jMultiLayer spark = new SparkDl4jMultiLayer(sc, net, trainingMaster(sc, method, batchSize, workers,
                averagingFrequency, seed));
        List<Double> losses = new ArrayList<>();
        java.util.concurrent.ExecutorService fitter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rnnkit-data-parallel-fit");
            t.setDaemon(true);   // a hung fit must not keep the JVM alive
            return t;
        });
        try {
            double slowest = 0;
            for (int e = 0; e < epochs; e++) {
                JavaRDD<DataSet> rdd = sc.parallelize(Minibatches.of(train, batchSize, seed + e), workers);
                long epochStart = System.nanoTime();
                double limit = e == 0 ? FIRST_EPOCH_LIMIT_SECONDS : Math.max(MIN_EPOCH_LIMIT_SECONDS, STALL_FACTOR * slowest);
                var epoch = fitter.submit(() -> spark.fit(rdd));
                try {
                    epoch.get((long) (limit * 1000), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException timeout) {
                    sc.cancelAllJobs();
                    epoch.cancel(true);
                    throw new IllegalStateException(String.format(java.util.Locale.ROOT, "%s stopped making progress: epoch %d of "
                            + "%d did not end within %.0f s (%d epoch%s done, the slowest in %.1f s), so it was cancelled%s",
                            method.label(), e + 1, epochs, limit, e, e == 1 ? "" : "s", slowest,
                            method == DataParallelMethod.GRADIENT_SHARING ? ". DL4J's gradient sharing can hang this way (its "
                                    + "ParallelWrapper waits for a trainer that never starts); use parameter averaging" : ""));
                } catch (java.util.concurrent.ExecutionException failed) {
                    throw failed.getCause() instanceof RuntimeException re ? re : new IllegalStateException(failed.getCause());
                }
                slowest = Math.max(slowest, (System.nanoTime() - epochStart) / 1e9);
                losses.add(Trainer.loss(spark.getNetwork(), validation));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        } finally {
            fitter.shutdownNow();
        }
        return new Result(spark.getNetwork(), losses, (System.nanoTime() - start) / 1e9);
    }

    /** @return DL4J's training master for {@code method} */
    private static TrainingMaster<?, ?> trainingMaster(JavaSparkContext sc, DataParallelMethod method, int batchSize, int workers,
                                                       int averagingFrequency, long seed) {
        return switch (method) {
            case PARAMETER_AVERAGING -> new ParameterAveragingTrainingMaster.Builder(batchSize)
                    .batchSizePerWorker(batchSize).averagingFrequency(averagingFrequency).workerPrefetchNumBatches(0)
                    // Direct: minibatches travel in the RDD itself. The default (Export) first writes them to a file system every
                    // executor can read, which a cluster without HDFS or S3 lacks.
                    .rddTrainingApproach(RDDTrainingApproach.Direct).rngSeed(seed).build();
            case GRADIENT_SHARING -> {
                System.setProperty(AERON_TIMEOUT, AERON_TIMEOUT_NANOS);
                VoidConfiguration transport = VoidConfiguration.builder().unicastPort(GRADIENT_SHARING_PORT)
                        .controllerAddress(sc.isLocal() ? "127.0.0.1" : sc.getConf().get("spark.driver.host")).build();
                yield new SharedTrainingMaster.Builder(transport, batchSize).batchSizePerWorker(batchSize)
                        .workersPerNode(sc.isLocal() ? workers : 1).workerPrefetchNumBatches(0)
                        .rddTrainingApproach(RDDTrainingApproach.Direct).rngSeed(seed).build();
            }
        };
    }
}
