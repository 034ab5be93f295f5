package io.github.rnnkit.apps.weather;

import io.github.rnnkit.apps.common.CellRun;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.CategoricalForecast;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.core.forecast.NextCategory;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.train.EpochRecord;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.UniformWeather;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The weather walkthrough: the seed article's experiment on uniformly random weather (where
 * nothing can be learned), the same with LSTM and GRU, then the real Seattle weather against
 * its baselines.
 */
public final class WeatherApp {
    /** Gradient norms are averaged over at most this many held-out windows. */
    static final int GRADIENT_WINDOWS = 64;
    /** The held-out loss is scored after the first epoch, every this many, and the last. */
    static final int HELD_OUT_EVERY = 5;
    static final int SEATTLE_LOOK_BACK = 10;
    static final double SEATTLE_LEARNING_RATE = 0.005;

    private WeatherApp() {
    }

    /**
     * Runs the article's experiment and the Seattle comparison, and writes the report.
     *
     * @param o epochs, look-backs and where the run folder goes
     * @return everything the report shows
     */
    public static WeatherResult run(WeatherOptions o) {
        try (RunFolder folder = RunFolder.create(o.out(), "weather", o.force())) {
            List<ArticleRun> article = new ArrayList<>();
            CategoricalSeries random = UniformWeather.article();
            Vocabulary vocabulary = Vocabulary.of(UniformWeather.CATEGORIES);
            for (CellType cell : o.cells()) {
                for (int lookBack : o.lookBacks()) {
                    article.add(articleRun(o, random, vocabulary, cell, lookBack));
                }
            }
            List<SeattleRun> seattle = new ArrayList<>();
            CategoricalSeries seattleSeries = SeriesInput.of(SampleDataset.SEATTLE_WEATHER).reader(SampleDataset.SEATTLE_WEATHER.table())
                    .categorical(SampleDataset.SEATTLE_WEATHER.defaultColumn());
            CategoricalDataset seattleData = CategoricalDataset.builder(seattleSeries)
                    .window(WindowSpec.manyToOne(SEATTLE_LOOK_BACK)).split(SplitFractions.DEFAULT).build();
            for (CellType cell : o.cells()) {
                seattle.add(seattleRun(o, seattleData, cell));
            }
            writeFiles(folder, o, article, seattle);
            var report = folder.text("report.md", WeatherReport.markdown(o, article, seattle, seattleData));
            folder.commit();
            return new WeatherResult(folder.dir(), report, folder.written(), article, seattle);
        }
    }

    private static ArticleRun articleRun(WeatherOptions o, CategoricalSeries series, Vocabulary vocabulary, CellType cell,
                                         int lookBack) {
        if (lookBack >= series.length() - 1) {
            throw new IllegalArgumentException("look-back " + lookBack + " leaves no windows in " + series.length() + " days");
        }
        // Windows over the whole series, split by the day they forecast: inputs of a test window may
        // reach into training days (known history), its target never does.
        SequenceSet all = CategoricalDataset.builder(series).window(WindowSpec.manyToOne(lookBack))
                .split(new SplitFractions(1, 0, 0)).optVocabulary(vocabulary).build().train();
        int testCount = Math.max(1, (int) Math.round(all.size() * o.testFraction()));
        SequenceSet train = all.subset(0, all.size() - testCount);
        SequenceSet test = all.subset(all.size() - testCount, all.size());
        int k = vocabulary.size();
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(k)
                .setHiddenSizes(o.hidden()).setOutputSize(k).setTask(Task.CLASSIFICATION)
                .optUpdater(UpdaterKind.ADAM, o.learningRate()).optSeed(o.seed()).build();
        RnnNetwork net = NetworkFactory.create(spec);
        // The parameters after the epochs whose held-out loss is shown, scored after training so that
        // neither the epoch times nor the training loss include it. Full batch: one update per epoch.
        List<INDArray> snapshots = new ArrayList<>();
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                int done = snapshots.size() + 1;
                snapshots.add(done == 1 || done % HELD_OUT_EVERY == 0 || done == o.epochs() ? model.params().dup() : null);
            }
        });
        TrainingHistory history = Trainer.fit(net, train, train.subset(0, 0),
                TrainerOptions.of(o.epochs()).withBatchSize(train.size()).withSeed(o.seed()).withPatience(o.epochs()));
        net.setListeners();
        INDArray trained = net.params().dup();
        List<Double> heldOut = new ArrayList<>();
        for (INDArray p : snapshots) {
            if (p == null) {
                heldOut.add(Double.NaN);
            } else {
                net.setParams(p);
                heldOut.add(Trainer.loss(net, test));
            }
        }
        net.setParams(trained);
        CellRun run = new CellRun(spec, net, history, net.numParams());
        int[] predicted = CategoricalForecast.fromProbabilities("model", firstStep(ModelOutputs.forecasts(run.net(), test)))
                .predicted();
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += predicted[i] == (int) test.get(i).targets()[0][0] ? 1 : 0;
        }
        double p = right == 0 ? 1.0 : 1 - new BinomialDistribution(null, test.size(), 1.0 / k).cumulativeProbability(right - 1);
        List<Double> loss = run.history().epochs().stream().map(EpochRecord::trainLoss).toList();
        return new ArticleRun(cell, lookBack, run.params(), train.size(), test.size(), loss, heldOut, (double) right / test.size(), p,
                run.inputGradientsByDistance(test, GRADIENT_WINDOWS), nextDay(run, series, vocabulary, lookBack),
                run.history().totalSeconds());
    }

    /** @return the forecast of the day after {@code series} ends, from its last {@code lookBack} days */
    static NextDay nextDay(CellRun run, CategoricalSeries series, Vocabulary vocabulary, int lookBack) {
        DataDescription d = new DataDescription(SeriesKind.CATEGORICAL, List.of(series.column()), null,
                WindowSpec.manyToOne(lookBack), vocabulary, List.of());
        NextCategory next = Forecaster.of(run.net(), d).next(series);
        return new NextDay(next.categories(), next.probabilities());
    }

    private static double[][] firstStep(double[][][] forecasts) {
        double[][] p = new double[forecasts.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = forecasts[i][0];
        }
        return p;
    }

    private static SeattleRun seattleRun(WeatherOptions o, CategoricalDataset data, CellType cell) {
        int k = data.vocabulary().size();
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(k)
                .setHiddenSizes(o.seattleHidden()).setOutputSize(k).setTask(Task.CLASSIFICATION)
                .optUpdater(UpdaterKind.ADAM, SEATTLE_LEARNING_RATE).optSeed(o.seed()).build();
        CellRun run = CellRun.train(spec, data.train(), data.validation(), TrainerOptions.of(o.seattleEpochs()).withSeed(o.seed()));
        CategoricalEvaluation e = CategoricalEvaluation.onTest(run.net(), data);
        return new SeattleRun(cell, run.params(), run.history(), e);
    }

    private static void writeFiles(RunFolder folder, WeatherOptions o, List<ArticleRun> article, List<SeattleRun> seattle) {
        for (CellType cell : o.cells()) {
            LineChart.Builder loss = LineChart.builder(cell.displayName() + " on random weather: training and held-out loss per epoch",
                    "epoch (one full-batch update)", "cross-entropy (nats)");
            LineChart.Builder grads = LineChart.builder(cell.displayName() + " on random weather: gradient reaching each input day",
                    "distance from the last input day (days)", "mean ||dL/dx_t|| (log scale)").optLogY();
            for (ArticleRun r : article) {
                if (r.cell() == cell) {
                    loss.add(LineChart.Series.counted("look-back " + r.lookBack() + ", training", r.trainLoss()));
                    loss.add(LineChart.Series.counted("look-back " + r.lookBack() + ", held-out", r.heldOutLoss()));
                    grads.add(LineChart.Series.indexed("look-back " + r.lookBack(), r.gradientByDistance()));
                }
            }
            int epochs = o.epochs();
            loss.add(LineChart.Series.horizontal("ln 3 (uniform guess)", 1, epochs, Math.log(3)));
            folder.chart("article-loss-" + cell.label(), loss.build());
            folder.chart("article-gradients-" + cell.label(), grads.build());
        }
        folder.table("article", WeatherReport.articleTable(article));
        LineChart.Builder seattleLoss = LineChart.builder("Seattle weather: validation loss per epoch", "epoch",
                "cross-entropy on validation windows (nats)");
        for (SeattleRun r : seattle) {
            seattleLoss.add(LineChart.Series.counted(r.cell().displayName(),
                    r.history().epochs().stream().map(EpochRecord::validationLoss).toList()));
            folder.table("seattle-confusion-" + r.cell().label(), WeatherReport.confusionTable(r));
        }
        seattleLoss.add(LineChart.Series.bestEpochs(seattle.stream().map(SeattleRun::history).toList()));
        folder.chart("seattle-loss", seattleLoss.build());
        folder.table("seattle", WeatherReport.seattleTable(seattle));
    }
}
