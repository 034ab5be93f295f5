package io.github.rnnkit.apps.bench;

import io.github.rnnkit.apps.memory.MemoryApp;
import io.github.rnnkit.apps.memory.MemoryOptions;
import io.github.rnnkit.apps.memory.MemoryTask;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.core.forecast.NextCategory;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.stream.StreamingPredictor;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.UniformWeather;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The end-to-end workloads of {@code rnnkit bench-e2e}, each the same work as its PyTorch
 * counterpart in {@code bench/torch_e2e.py} (same data, windows, sizes, optimiser, epochs,
 * batches, validation and best-epoch bookkeeping), run through rnnkit's library as a user's
 * program would.
 */
enum E2eWorkload {
    /** Seattle weather, look-back 10, hidden 32, Adam 0.005, batch 32, 30 epochs, validation each epoch. */
    TRAIN("train"),
    /** The seed article: random weather, vanilla RNN hidden 10, full batch, Adam 0.01, 100 epochs. */
    ARTICLE("article"),
    /** The adding problem at lag 100 with memory's default budget. */
    ADDING("adding"),
    /** One streaming step of batch 1 with the state carried. */
    STREAM("stream"),
    /** Load a saved GRU bundle and forecast the day after the Seattle series. */
    PREDICT("predict");

    private final String label;

    E2eWorkload(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static E2eWorkload parse(String text) {
        for (E2eWorkload w : values()) {
            if (w.label.equalsIgnoreCase(text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + text + "'; choose from train, article, adding, stream, predict");
    }

    /**
     * What one run of a workload does beyond its cell.
     *
     * @param epochs   epochs (train, article, adding)
     * @param lookBack the article's look-back
     * @param lag      the adding problem's lag
     * @param train    training sequences (adding)
     * @param hidden   hidden size (stream)
     * @param steps    timed steps (stream)
     * @param bundle   the saved bundle (predict)
     */
    record Params(int epochs, int lookBack, int lag, int train, int hidden, int steps, Path bundle) {
    }

    /**
     * Runs the workload once.
     *
     * @return a one-line result (for the reader, and to keep the work from being optimised away)
     *         and, for stream and predict, the latency measured
     */
    String run(CellType cell, Params p) {
        return switch (this) {
            case TRAIN -> train(cell, p);
            case ARTICLE -> article(p);
            case ADDING -> adding(cell, p);
            case STREAM -> stream(cell, p);
            case PREDICT -> predict(p);
        };
    }

    private static String train(CellType cell, Params p) {
        CategoricalDataset ds = CategoricalDataset.builder(SampleDataset.SEATTLE_WEATHER.series())
                .window(WindowSpec.manyToOne(10)).split(SplitFractions.DEFAULT).build();
        ModelSpec spec = ModelSpec.builder().setCell(cell).setHiddenSizes(32).setDataShape(ds)
                .optUpdater(UpdaterKind.ADAM, 0.005).optSeed(42).build();
        RnnNetwork net = NetworkFactory.create(spec);
        Trainer.fit(net, ds.train(), ds.validation(), TrainerOptions.of(p.epochs()).withPatience(0));
        return String.format(Locale.ROOT, "test accuracy %.4f", accuracy(net, ds.test()));
    }

    private static String article(Params p) {
        CategoricalSeries random = UniformWeather.article();
        SequenceSet all = CategoricalDataset.builder(random).window(WindowSpec.manyToOne(p.lookBack()))
                .split(new SplitFractions(1, 0, 0)).optVocabulary(Vocabulary.of(UniformWeather.CATEGORIES)).build().train();
        int test = Math.max(1, (int) Math.round(all.size() * 0.2));
        SequenceSet train = all.subset(0, all.size() - test);
        ModelSpec spec = ModelSpec.builder().setCell(CellType.SIMPLE_RNN).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(10).setOutputSize(3).setTask(Task.CLASSIFICATION).optUpdater(UpdaterKind.ADAM, 0.01)
                .optSeed(42).build();
        RnnNetwork net = NetworkFactory.create(spec);
        Trainer.fit(net, train, train.subset(0, 0), TrainerOptions.of(p.epochs()).withBatchSize(train.size())
                .withPatience(0));
        return String.format(Locale.ROOT, "test accuracy %.4f", accuracy(net, all.subset(all.size() - test, all.size())));
    }

    private static String adding(CellType cell, Params p) {
        MemoryOptions d = MemoryOptions.defaults(null);
        // Adam 0.01 and the whole budget, as the PyTorch side of the benchmark runs it
        MemoryOptions o = new MemoryOptions(d.tasks(), d.cells(), d.lags(), d.seeds(), d.hidden(), p.train(), d.testCount(),
                p.epochs(), 0.01, true, null, null);
        return String.format(Locale.ROOT, "test MSE %.4f", MemoryApp.one(o, MemoryTask.ADDING, cell, p.lag(), 1, false).testError());
    }

    private static String stream(CellType cell, Params p) {
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(p.hidden()).setOutputSize(3).setTask(Task.CLASSIFICATION).optSeed(42).build();
        StreamingPredictor s = StreamingPredictor.of(NetworkFactory.create(spec));
        double[] x = {0.2, 0.5, 0.3};
        long[] nanos = new long[p.steps()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            s.step(x);
            nanos[i] = System.nanoTime() - t;
        }
        long[] kept = Arrays.copyOfRange(nanos, nanos.length / 5, nanos.length);
        Arrays.sort(kept);
        return String.format(Locale.ROOT, "step_us %.2f", kept[kept.length / 2] / 1e3);
    }

    private static String predict(Params p) {
        long t = System.nanoTime();
        NextCategory next = Forecaster.load(p.bundle()).next(SampleDataset.SEATTLE_WEATHER.series());
        return String.format(Locale.ROOT, "call_s %.4f next %s", (System.nanoTime() - t) / 1e9, next.category());
    }

    private static double accuracy(RnnNetwork net, SequenceSet test) {
        double[][][] out = ModelOutputs.forecasts(net, test);
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] y = out[i][0];
            int best = 0;
            for (int k = 1; k < y.length; k++) {
                best = y[k] > y[best] ? k : best;
            }
            right += best == (int) test.get(i).targets()[0][0] ? 1 : 0;
        }
        return (double) right / test.size();
    }
}
