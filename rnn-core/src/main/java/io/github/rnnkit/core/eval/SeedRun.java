package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One seed's trained network scored on its dataset: what {@link SeedTrials} gathers per seed, as
 * plain values that travel from wherever the network was trained (a thread, a Spark executor).
 *
 * @param seed           the seed of the network and the minibatch order
 * @param categorical    true when the series is categorical: the metric is accuracy, higher better
 * @param trainMetric    accuracy (categories) or RMSE in the series' units (prices) on the training windows
 * @param testMetric     the same on the test windows
 * @param windowLosses   each test window's loss (log loss for categories, squared error for prices)
 * @param baselines      each baseline's test metric, by name
 * @param baselineLosses each baseline's per-window test losses, by name
 * @param history        how training went
 * @serial exclude
 */
public record SeedRun(long seed, boolean categorical, double trainMetric, double testMetric, double[] windowLosses, Map<String, Double> baselines,
                      Map<String, double[]> baselineLosses, TrainingHistory history) implements Serializable {
    /**
     * Scores a trained network on {@code data}'s training and test parts, one step ahead.
     *
     * @param seed    the seed it was trained with
     * @param net     the network, at the epoch training kept
     * @param data    the windows it was trained on
     * @param history how its training went
     * @return its metrics and per-window losses beside the baselines'
     */
    public static SeedRun of(long seed, RnnNetwork net, WindowedDataset data, TrainingHistory history) {
        Map<String, Double> baselines = new LinkedHashMap<>();
        Map<String, double[]> baselineLosses = new LinkedHashMap<>();
        if (data instanceof CategoricalDataset c) {
            CategoricalEvaluation e = CategoricalEvaluation.onTest(net, c);
            e.baselines().forEach((name, m) -> {
                baselines.put(name, m.accuracy());
                baselineLosses.put(name, e.windowLosses(name));
            });
            return new SeedRun(seed, true, CategoricalEvaluation.of(net, c.train(), c.trainCodes(), c.vocabulary()).model().accuracy(),
                    e.model().accuracy(), e.windowLosses("model"), baselines, baselineLosses, history);
        }
        PriceDataset p = (PriceDataset) data;
        PriceEvaluation e = PriceEvaluation.of(net, p, p.test());
        e.baselines().forEach((name, m) -> {
            baselines.put(name, m.get(0).rmse());
            baselineLosses.put(name, e.windowLosses(name));
        });
        return new SeedRun(seed, false, PriceEvaluation.of(net, p, p.train()).model().get(0).rmse(), e.model().get(0).rmse(),
                e.windowLosses("model"), baselines, baselineLosses, history);
    }

    /**
     * A network trained with one seed, and its scores.
     *
     * @param network the network, at the epoch training kept
     * @param run     its scores
     */
    public record Trained(RnnNetwork network, SeedRun run) {
    }

    /**
     * Trains {@code spec} with {@code seed} (in the spec and in the options) and scores it: one seed
     * of {@link SeedTrials#run}, wherever it runs.
     *
     * @param spec    the model; its seed is replaced
     * @param data    the windows
     * @param seed    seed of the network and the minibatch order
     * @param options how to train; its seed is replaced
     * @return the network and its scores
     */
    public static Trained train(ModelSpec spec, WindowedDataset data, long seed, TrainerOptions options) {
        RnnNetwork net = NetworkFactory.create(spec.toBuilder().optSeed(seed).build());
        TrainingHistory h = Trainer.fit(net, data.train(), data.validation(), options.withSeed(seed));
        return new Trained(net, of(seed, net, data, h));
    }

    /** @return {@code accuracy} for categories, {@code RMSE} for prices */
    public String metric() {
        return categorical ? "accuracy" : "RMSE";
    }
}
