package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.prep.WindowedDataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One spec trained once per seed on the same windows, each network scored on the test part: the
 * spread over seeds that a single run hides, and the per-window losses that paired tests need.
 * The seed sets the network's initial weights and the order minibatches are visited in; data and
 * split stay the same.
 *
 * <pre>{@code
 * SeedTrials gru = SeedTrials.run(gruSpec, data, List.of(42L, 43L, 44L), TrainerOptions.of(30));
 * SeedTrials lstm = SeedTrials.run(lstmSpec, data, List.of(42L, 43L, 44L), TrainerOptions.of(30));
 * ModelRanking r = new ModelRanking(gru.metric(), gru.higherIsBetter(), 1,
 *         List.of(gru.forecaster("GRU"), lstm.forecaster("LSTM")));
 * System.out.println(r.sentence("cell"));   // a winner only when the paired test says so
 * }</pre>
 *
 * @param spec           the spec, with the first seed
 * @param seeds          the seeds, one network each
 * @param firstNetwork   the network of the first seed (at its best validation epoch)
 * @param firstHistory   how the first seed's training went
 * @param metric         accuracy (categories) or RMSE in the series' units (prices), one step ahead
 * @param higherIsBetter true for accuracy
 * @param trainMetric    the metric on the training windows, per seed
 * @param testMetric     the metric on the test windows, per seed
 * @param windowLosses   per seed, each test window's loss (log loss for categories, squared error for
 *                       prices; see {@link CategoricalEvaluation#windowLosses} and {@link PriceEvaluation#windowLosses})
 * @param baselines      each baseline's test metric, by name (they do not depend on the network)
 * @param baselineLosses each baseline's per-window test losses, by name
 */
public record SeedTrials(ModelSpec spec, List<Long> seeds, RnnNetwork firstNetwork, TrainingHistory firstHistory, String metric,
                         boolean higherIsBetter, double[] trainMetric, double[] testMetric, double[][] windowLosses,
                         Map<String, Double> baselines, Map<String, double[]> baselineLosses) {

    /**
     * Trains {@code spec} once per seed ({@link Trainer#fit} with the seed in the spec and in the
     * options) and scores each network on {@code data}'s test part against its baselines.
     *
     * @param spec    the model; its seed is replaced by each of {@code seeds}
     * @param data    windows, split and scaling, the same for every seed
     * @param seeds   at least one seed
     * @param options how to train, without checkpoints; its seed is replaced by each of {@code seeds}
     * @return every seed's metrics and losses, and the first seed's network
     */
    public static SeedTrials run(ModelSpec spec, WindowedDataset data, List<Long> seeds, TrainerOptions options) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one seed");
        }
        if (options.checkpointDir() != null) {
            throw new IllegalArgumentException("checkpoints of several seeds would overwrite each other in "
                    + options.checkpointDir() + ": train the seeds without checkpoints, or one Trainer.fit per seed");
        }
        if (data.test().isEmpty()) {
            throw new IllegalArgumentException("the split leaves no test part to score the seeds on");
        }
        List<SeedRun> runs = new ArrayList<>();
        RnnNetwork first = null;
        for (long seed : seeds) {
            SeedRun.Trained t = SeedRun.train(spec, data, seed, options);
            first = first == null ? t.network() : first;
            runs.add(t.run());
        }
        return of(spec, runs, first);
    }

    /**
     * Gathers seeds trained elsewhere (e.g. as {@link io.github.rnnkit.core.run.SeedTask}s on a plan
     * runner) into trials, as {@link #run} would have.
     *
     * @param spec         the spec; its seed is replaced by the first run's
     * @param runs         one per seed, in seed order, all on the same data
     * @param firstNetwork the first run's network
     * @return the trials
     * @throws IllegalArgumentException when there are no runs, or they disagree on the kind of series
     */
    public static SeedTrials of(ModelSpec spec, List<SeedRun> runs, RnnNetwork firstNetwork) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("need at least one seed's run");
        }
        SeedRun first = runs.get(0);
        if (runs.stream().anyMatch(r -> r.categorical() != first.categorical())) {
            throw new IllegalArgumentException("the seeds' runs are on different kinds of series");
        }
        int n = runs.size();
        double[] train = new double[n];
        double[] test = new double[n];
        double[][] losses = new double[n][];
        for (int s = 0; s < n; s++) {
            train[s] = runs.get(s).trainMetric();
            test[s] = runs.get(s).testMetric();
            losses[s] = runs.get(s).windowLosses();
        }
        return new SeedTrials(spec.toBuilder().optSeed(first.seed()).build(), runs.stream().map(SeedRun::seed).toList(),
                firstNetwork, first.history(), first.metric(), first.categorical(), train, test, losses,
                new LinkedHashMap<>(first.baselines()), new LinkedHashMap<>(first.baselineLosses()));
    }

    /** @return the number of trainable parameters */
    public long params() {
        return firstNetwork.numParams();
    }

    /**
     * @param name what to call the model in a ranking
     * @return these trials as one entry of a {@link ModelRanking}
     */
    public ModelRanking.Forecaster forecaster(String name) {
        return new ModelRanking.Forecaster(name, testMetric, windowLosses);
    }

    /**
     * @return the test metric's mean over seeds against each baseline, with a Diebold-Mariano test
     *         on the per-window losses averaged over the seeds
     */
    public List<Comparison> comparisons() {
        ModelRanking.Forecaster f = forecaster("model");
        List<Comparison> out = new ArrayList<>();
        baselines.forEach((name, value) -> out.add(new Comparison(name, metric, f.mean(), value, higherIsBetter,
                DieboldMariano.pValue(f.meanLossByWindow(), baselineLosses.get(name), 1), "Diebold-Mariano")));
        return out;
    }

    /** @return the test metric's mean over seeds */
    public double meanTest() {
        return Arrays.stream(testMetric).average().orElse(Double.NaN);
    }
}
