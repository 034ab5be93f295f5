package io.github.rnnkit.apps.compare;

import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.eval.ModelRanking;
import io.github.rnnkit.core.eval.SeedTrials;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.EpochRecord;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.UniformWeather;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * Vanilla RNN against LSTM against GRU on the same data, split, seed, learning rate and budget,
 * with hidden sizes that match the LSTM's parameter count.
 */
public final class CompareApp {
    static final int GBM_DAYS = 1500;
    /** Test windows the gradient chart averages over. */
    static final int GRADIENT_WINDOWS = 64;

    private CompareApp() {
    }

    /**
     * Trains each cell at a matched parameter count on the same data, split, seed and budget, and writes the report.
     *
     * @param o what to compare, and where the run folder goes
     * @return each cell's run, the baselines and the report's path
     */
    public static CompareResult run(CompareOptions o) {
        try (RunFolder folder = RunFolder.create(o.out(), "compare", o.force())) {
            Loaded loaded = load(o);
            WindowedDataset data = loaded.data();
            int inputs = data.train().featureCount();
            int outputs = data.train().targetCount();
            long target = ParameterMatch.count(CellType.LSTM, inputs, o.lstmHidden(), outputs);
            List<CellComparison> cells = new ArrayList<>();
            Map<String, Double> baselines = new LinkedHashMap<>();
            List<ModelRanking.Forecaster> ranked = new ArrayList<>();
            boolean categorical = data instanceof CategoricalDataset;
            String metric = categorical ? "accuracy" : "RMSE";
            List<Long> seeds = LongStream.range(o.seed(), o.seed() + o.seeds()).boxed().toList();
            TrainerOptions training = TrainerOptions.of(o.epochs());
            SeedTrials single = null;
            for (CellType cell : o.cells()) {
                int hidden = cell == CellType.LSTM ? o.lstmHidden() : ParameterMatch.hiddenFor(cell, inputs, outputs, target);
                SeedTrials trials = SeedTrials.run(spec(o, cell, inputs, outputs, categorical).setHiddenSizes(hidden).build(), data,
                        seeds, training);
                if (baselines.isEmpty()) {
                    baselines.putAll(trials.baselines());
                }
                ranked.add(trials.forecaster(cell.displayName()));
                single = cell == CellType.LSTM ? trials : single;
                cells.add(new CellComparison(cell, hidden, trials.params(), trials.firstHistory(), trials.trainMetric(),
                        trials.testMetric(), GradientDiagnostics.inputGradientNorms(trials.firstNetwork(),
                        data.test().subset(0, Math.min(GRADIENT_WINDOWS, data.test().size())).toDataSet()).byDistance(),
                        trials.comparisons()));
            }
            List<Variant> variants = new ArrayList<>();
            ModelRanking variantRanking = null;
            if (single != null) {
                // The same LSTM deeper and reading both ways, on the same seeds: does either buy anything here?
                List<ModelRanking.Forecaster> lstms = new ArrayList<>(List.of(single.forecaster("LSTM, 1 layer")));
                variants.add(new Variant("LSTM, 1 layer", single.params(), single.testMetric()));
                Map<String, ModelSpec> deeper = new LinkedHashMap<>();
                deeper.put("LSTM, 2 layers of " + o.lstmHidden(), spec(o, CellType.LSTM, inputs, outputs, categorical)
                        .setHiddenSizes(o.lstmHidden(), o.lstmHidden()).build());
                deeper.put("bidirectional LSTM, " + o.lstmHidden() + " per direction", spec(o, CellType.LSTM, inputs, outputs,
                        categorical).setHiddenSizes(o.lstmHidden()).optBidirectional(true).build());
                deeper.forEach((name, spec) -> {
                    SeedTrials trials = SeedTrials.run(spec, data, seeds, training);
                    lstms.add(trials.forecaster(name));
                    variants.add(new Variant(name, trials.params(), trials.testMetric()));
                });
                variantRanking = new ModelRanking(metric, categorical, 1, lstms);
            }
            ModelRanking ranking = ranked.size() < 2 ? null : new ModelRanking(metric, categorical, 1, ranked);
            charts(folder, cells, loaded.name() + (o.seeds() > 1 ? ", networks of seed " + o.seed() : ""), categorical
                    ? "cross-entropy per window (nats)" : "mean squared error per window (scaled units)", data);
            CompareResult partial = new CompareResult(folder.dir(), null, List.of(), loaded.name(), metric, categorical, cells,
                    baselines, ranking, variants, variantRanking);
            folder.table("compare", CompareReport.table(partial));
            var report = folder.text("report.md", CompareReport.markdown(o, partial, data, target));
            folder.commit();
            return new CompareResult(folder.dir(), report, folder.written(), loaded.name(), metric, categorical, cells, baselines,
                    ranking, variants, variantRanking);
        }
    }

    private record Loaded(String name, WindowedDataset data) {
    }

    private static ModelSpec.Builder spec(CompareOptions o, CellType cell, int inputs, int outputs, boolean categorical) {
        return ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(inputs).setOutputSize(outputs)
                .setTask(categorical ? Task.CLASSIFICATION : Task.REGRESSION).optUpdater(UpdaterKind.ADAM, o.learningRate());
    }

    private static Loaded load(CompareOptions o) {
        WindowSpec window = WindowSpec.manyToOne(o.lookBack());
        return switch (o.dataset()) {
            case WEATHER -> new Loaded("the article's uniformly random weather (1,500 days, seed 42)",
                    categorical(UniformWeather.article(), window));
            case SEATTLE_WEATHER -> {
                SeriesInput in = SeriesInput.of(SampleDataset.SEATTLE_WEATHER);
                yield new Loaded("Seattle daily weather (bundled sample)",
                        categorical(in.reader(in.table()).categorical(SampleDataset.SEATTLE_WEATHER.defaultColumn()), window));
            }
            case GBM -> new Loaded(String.format(Locale.ROOT, "synthetic GBM prices (%d days, seed %d)", GBM_DAYS, o.seed()),
                    PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(GBM_DAYS, o.seed() & 0xffffffffL))
                            .window(window).optScaler(o.scaler()).split(SplitFractions.DEFAULT).build());
            case CSV -> {
                SeriesReader reader = o.input().reader(o.input().table());
                List<String> columns = o.input().resolvedColumns();
                String name = o.input().sourceName() + " column " + String.join(",", columns);
                if (reader.inferKind(columns.get(0)) == SeriesKind.CATEGORICAL) {
                    yield new Loaded(name, categorical(reader.categorical(columns.get(0)), window));
                }
                yield new Loaded(name, PriceDataset.builder(reader.prices(columns.toArray(new String[0]))).window(window)
                        .optScaler(o.scaler()).split(SplitFractions.DEFAULT).build());
            }
        };
    }

    private static CategoricalDataset categorical(CategoricalSeries s, WindowSpec window) {
        return CategoricalDataset.builder(s).window(window).split(SplitFractions.DEFAULT).build();
    }

    private static void charts(RunFolder folder, List<CellComparison> cells, String data, String loss, WindowedDataset windows) {
        if (windows.validation().isClassification() && windows.validation().size() > 0) {
            LineChart accuracy = perEpoch(cells, title("Validation accuracy per epoch on ", data), "accuracy on validation windows",
                    EpochRecord::validationMetric);
            double majority = majorityShare(windows.validation());
            folder.chart("validation-accuracy", accuracy.with(LineChart.Series.horizontal(String.format(Locale.ROOT,
                    "chance: always the most common class (%.3f)", majority), 1,
                    Math.max(2, cells.stream().mapToInt(c -> c.history().epochs().size()).max().orElse(2)), majority)));
        }
        LineChart validation = perEpoch(cells, title("Validation loss per epoch on ", data), loss, EpochRecord::validationLoss);
        folder.chart("validation-loss", validation.with(LineChart.Series.bestEpochs(cells.stream().map(CellComparison::history)
                .toList())));
        folder.chart("train-loss", perEpoch(cells, title("Training loss per epoch on ", data), loss, EpochRecord::trainLoss));
        LineChart.Builder g = LineChart.builder("Gradient reaching each input step (test windows)",
                "distance from the last input step (steps)", "mean ||dL/dx_t|| (log scale)").optLogY();
        cells.forEach(c -> g.add(LineChart.Series.indexed(label(c), c.gradientByDistance())));
        folder.chart("gradients", g.build());
    }

    private static LineChart perEpoch(List<CellComparison> cells, String title, String loss,
                                      Function<EpochRecord, Double> value) {
        LineChart.Builder b = LineChart.builder(title, "epoch", loss);
        cells.forEach(c -> b.add(LineChart.Series.counted(label(c), c.history().epochs().stream().map(value).toList())));
        return b.build();
    }

    /** Characters of a chart title that fit across a chart. */
    static final int TITLE_WIDTH = 90;

    /** @return {@code what + data}, without data's parenthesised details when the whole would not fit across the chart */
    static String title(String what, String data) {
        String full = what + data;
        return full.length() <= TITLE_WIDTH ? full : what + data.replaceAll(" \\([^)]*\\)", "");
    }

    /** @return the share of windows whose target is the most common class: the accuracy of always guessing it */
    static double majorityShare(SequenceSet set) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            counts.merge((int) set.get(i).targets()[0][0], 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) set.size();
    }

    static String label(CellComparison c) {
        return String.format(Locale.ROOT, "%s (H=%d, %,d params)", c.cell().displayName(), c.hidden(), c.params());
    }
}
