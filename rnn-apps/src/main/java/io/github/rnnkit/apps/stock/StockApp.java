package io.github.rnnkit.apps.stock;

import io.github.rnnkit.apps.common.CellRun;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.diag.ClippingMonitor;
import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingDivergedException;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.window.WindowSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stock-price walkthrough: the article's one-unit toy by hand and by the network, why vanilla
 * RNNs break (gradient decay against spectral radius, measured), and a next-day forecast per cell
 * against the naive baselines, with exploding gradients shown and fixed by clipping.
 */
public final class StockApp {
    /** Hidden units of the vanilla RNN whose gradients part 2 measures. */
    static final int DECAY_HIDDEN = 16;
    static final double[] DECAY_RADII = {0.5, 1.5};

    /** Window length of the control run of the exploding-gradient demonstration. */
    static final int SHORT_STEPS = 2;
    /** Days the multi-step LSTM forecasts at once. */
    static final int HORIZON = 5;
    /** Training windows the state-gradient profile of the exploding run is averaged over. */
    static final int PROBE_WINDOWS = 64;

    private StockApp() {
    }

    /**
     * Runs the toy by hand, the gradient decay, each cell's forecast against naive and drift, and the exploding-gradient demonstration, and writes the report.
     *
     * @param o data, model, training and demonstration settings, and where the run folder goes
     * @return everything the report shows
     */
    public static StockResult run(StockOptions o) {
        try (RunFolder folder = RunFolder.create(o.out(), "stock", o.force())) {
            ToyTrace toy = ToyTrace.of(o.toy());
            PriceSeries prices;
            String name;
            if (o.input() == null) {
                GeometricBrownianMotion g = GeometricBrownianMotion.DEFAULT;
                prices = g.generate(o.gbmSteps(), o.seed());
                name = String.format(Locale.ROOT, "synthetic GBM prices (%d days, S0 %.0f, mu %.0f %%, sigma %.0f %% a year, seed %d)",
                        o.gbmSteps(), g.start(), 100 * g.mu(), 100 * g.sigma(), o.seed());
            } else {
                prices = o.input().reader(o.input().table()).prices(o.input().resolvedColumns().toArray(new String[0]));
                name = o.input().sourceName() + " column " + String.join(",", o.input().resolvedColumns());
            }
            PriceDataset data = PriceDataset.builder(prices).window(WindowSpec.manyToOne(o.lookBack())).split(SplitFractions.DEFAULT)
                    .optScaler(o.scaler()).build();
            List<CellForecast> forecasts = new ArrayList<>();
            for (CellType cell : o.cells()) {
                ModelSpec.Builder spec = spec(cell, o, data).optUpdater(UpdaterKind.ADAM, o.learningRate()).optClipping(o.clipping());
                if (o.tbptt() != null) {
                    spec.optTbptt(o.tbptt().forward(), o.tbptt().backward());
                }
                CellRun run = CellRun.train(spec.build(), data.train(), data.validation(), TrainerOptions.of(o.epochs()).withSeed(o.seed()));
                forecasts.add(new CellForecast(cell, run.params(), run.history(), PriceEvaluation.of(run.net(), data, data.test())));
            }
            PriceDataset multi = PriceDataset.builder(prices).window(WindowSpec.seq2seq(o.lookBack(), HORIZON))
                    .split(SplitFractions.DEFAULT).optScaler(o.scaler()).build();
            ModelSpec.Builder seq = ModelSpec.builder().setCell(CellType.LSTM).setDataShape(multi).setHiddenSizes(o.hidden())
                    .optUpdater(UpdaterKind.ADAM, o.learningRate()).optClipping(o.clipping()).optSeed(o.seed());
            CellRun seqRun = CellRun.train(seq.build(), multi.train(), multi.validation(),
                    TrainerOptions.of(o.epochs()).withSeed(o.seed()));
            MultiStepForecast multiStep = new MultiStepForecast(HORIZON, seqRun.params(), seqRun.history(),
                    PriceEvaluation.of(seqRun.net(), multi, multi.test()));
            PriceDataset longWindows = PriceDataset.builder(prices).window(WindowSpec.manyToOne(o.gradientSteps()))
                    .split(SplitFractions.DEFAULT).optScaler(o.scaler()).build();
            ModelSpec vanilla = spec(CellType.SIMPLE_RNN, o, longWindows).setHiddenSizes(DECAY_HIDDEN)
                    .optUpdater(UpdaterKind.ADAM, o.learningRate()).build();
            CellRun trained = CellRun.train(vanilla, longWindows.train(), longWindows.validation(),
                    TrainerOptions.of(o.epochs()).withSeed(o.seed()));
            GradientDecay decay = GradientDecay.measure(trained, longWindows.test(), DECAY_RADII);
            // The contrast that shows gradients exploding through time: the same data and learning rate
            // on long and on short windows (a rate too large for the data diverges on both); then the
            // long windows with per-layer and with global-norm clipping at the same threshold.
            PriceDataset shortWindows = PriceDataset.builder(prices).window(WindowSpec.manyToOne(SHORT_STEPS))
                    .split(SplitFractions.DEFAULT).optScaler(o.scaler()).build();
            List<ExplodingRun> exploding = List.of(explode(o, longWindows, Clipping.NONE, true),
                    explode(o, shortWindows, Clipping.NONE, false), explode(o, longWindows, o.explodeClip(), false),
                    explode(o, longWindows, Clipping.globalL2(o.explodeClip().threshold()), false));
            StockResult partial = new StockResult(folder.dir(), null, List.of(), name, toy, decay, forecasts, exploding, multiStep);
            StockCharts.write(folder, partial, data);
            var report = folder.text("report.md", StockReport.markdown(o, partial, data));
            folder.commit();
            return new StockResult(folder.dir(), report, folder.written(), name, toy, decay, forecasts, exploding, multiStep);
        }
    }

    private static ModelSpec.Builder spec(CellType cell, StockOptions o, PriceDataset data) {
        return ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(data.series().featureCount())
                .setHiddenSizes(o.hidden()).setOutputSize(1).setTask(Task.REGRESSION).optSeed(o.seed());
    }

    /** Plain SGD with a large learning rate: nothing but clipping limits the step a huge gradient takes. */
    static ExplodingRun explode(StockOptions o, PriceDataset data, Clipping clipping, boolean profile) {
        ModelSpec spec = spec(CellType.SIMPLE_RNN, o, data).optUpdater(UpdaterKind.SGD, o.explodeLr()).optClipping(clipping).build();
        RnnNetwork net = NetworkFactory.create(spec);
        ClippingMonitor monitor = new ClippingMonitor();
        List<Double> loss = new ArrayList<>();
        // The parameters each update started from, so that the state gradients can be measured at the
        // blow-up afterwards (by then the parameters are NaN); the network is small.
        List<INDArray> startedFrom = new ArrayList<>();
        startedFrom.add(net.params().dup());
        net.setListeners(monitor, new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                loss.add(model.score());
                if (profile) {
                    startedFrom.add(model.params().dup());
                }
            }
        });
        int divergedAt = 0;
        try {
            Trainer.fit(net, data.train(), data.train().subset(0, 0),
                    TrainerOptions.of(o.explodeEpochs()).withSeed(o.seed()).withPatience(o.explodeEpochs()));
        } catch (TrainingDivergedException e) {
            divergedAt = e.iteration();
        }
        net.setListeners();
        List<Double> norms = monitor.records().stream().filter(r -> r.layer() == 0).map(ClippingMonitor.Record::before).toList();
        double rmse = Double.NaN;
        double naive = Double.NaN;
        if (divergedAt == 0) {
            PriceEvaluation e = PriceEvaluation.of(net, data, data.test());
            rmse = e.model().get(0).rmse();
            naive = e.baselines().get(PriceEvaluation.NAIVE).get(0).rmse();
        }
        SortedMap<Integer, double[]> profiles = new TreeMap<>();
        int blowUp = ExplodingRun.largestFinite(norms);
        if (profile && blowUp > 0) {
            DataSet probe = data.train().subset(0, Math.min(PROBE_WINDOWS, data.train().size())).iterator(PROBE_WINDOWS).next();
            for (int update : new int[]{1, blowUp}) {
                net.setParams(startedFrom.get(update - 1));
                profiles.put(update, GradientDiagnostics.stateGradientNorms(net, probe).get(0).byDistance());
            }
        }
        return new ExplodingRun(data.window().lookBack(), clipping, loss, norms, divergedAt, rmse, naive, profiles);
    }
}
