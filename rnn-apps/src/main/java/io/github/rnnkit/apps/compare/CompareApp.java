package io.github.rnnkit.apps.compare;

import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.eval.ModelRanking;
import io.github.rnnkit.core.eval.SeedTrials;
import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.PlanRunners;
import io.github.rnnkit.core.run.SeedPlan;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.ThreadSettings;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.EpochRecord;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
     * Trains each cell at a matched parameter count on the same data, split, seed and budget, one
     * training at a time in this process, and writes the report.
     *
     * @param o what to compare, and where the run folder goes
     * @return each cell's run, the baselines and the report's path
     */
    public static CompareResult run(CompareOptions o) {
        return run(o, "threads", 1, outcome -> { });
    }

    /**
     * As {@link #run(CompareOptions)}, with every (model, seed) training a task of one plan on a
     * runner ({@link SeedPlan}): on {@code workers} threads here, or on Spark. Each training runs on
     * one thread, so the results are the same wherever they run; only the seconds differ.
     *
     * @param o        what to compare, and where the run folder goes
     * @param master   {@code threads}, or a Spark master (needs rnn-spark on the class path)
     * @param workers  with {@code threads}: trainings at once
     * @param progress receives each training's outcome as it arrives (id {@code MODEL/seed-S})
     * @return each cell's run, the baselines and the report's path
     */
    public static CompareResult run(CompareOptions o, String master, int workers, Consumer<TaskOutcome> progress) {
        try (RunFolder folder = RunFolder.create(o.out(), "compare", o.force());
             PlanRunner runner = PlanRunners.forMaster(master, workers)) {
            CompareData recipe = CompareData.of(o);
            WindowedDataset data = recipe.build();
            int inputs = data.train().featureCount();
            int outputs = data.train().targetCount();
            long target = ParameterMatch.count(CellType.LSTM, inputs, o.lstmHidden(), outputs);
            boolean categorical = data instanceof CategoricalDataset;
            String metric = categorical ? "accuracy" : "RMSE";
            Map<String, ModelSpec> specs = new LinkedHashMap<>();
            Map<CellType, Integer> hidden = new LinkedHashMap<>();
            for (CellType cell : o.cells()) {
                hidden.put(cell, cell == CellType.LSTM ? o.lstmHidden() : ParameterMatch.hiddenFor(cell, inputs, outputs, target));
                specs.put(cell.displayName(), spec(o, cell, inputs, outputs, categorical).setHiddenSizes(hidden.get(cell)).build());
            }
            // The same LSTM deeper and reading both ways, on the same seeds: does either buy anything here?
            List<String> deeper = List.of("LSTM, 2 layers of " + o.lstmHidden(), "bidirectional LSTM, " + o.lstmHidden()
                    + " per direction");
            if (hidden.containsKey(CellType.LSTM)) {
                specs.put(deeper.get(0), spec(o, CellType.LSTM, inputs, outputs, categorical)
                        .setHiddenSizes(o.lstmHidden(), o.lstmHidden()).build());
                specs.put(deeper.get(1), spec(o, CellType.LSTM, inputs, outputs, categorical)
                        .setHiddenSizes(o.lstmHidden()).optBidirectional(true).build());
            }
            List<Long> seeds = LongStream.range(o.seed(), o.seed() + o.seeds()).boxed().toList();
            Map<String, SeedTrials> trials = SeedPlan.run(specs, recipe, seeds, TrainerOptions.of(o.epochs()), runner, progress);
            List<CellComparison> cells = new ArrayList<>();
            List<ModelRanking.Forecaster> ranked = new ArrayList<>();
            for (CellType cell : o.cells()) {
                SeedTrials t = trials.get(cell.displayName());
                ranked.add(t.forecaster(cell.displayName()));
                // on one thread, as the tasks trained: the same digits whichever runner ran them and whatever ran before
                double[] gradients = ThreadSettings.onOneThread(() -> GradientDiagnostics.inputGradientNorms(t.firstNetwork(),
                        data.test().subset(0, Math.min(GRADIENT_WINDOWS, data.test().size())).toDataSet()).byDistance());
                cells.add(new CellComparison(cell, hidden.get(cell), t.params(), t.firstHistory(), t.trainMetric(), t.testMetric(),
                        gradients, t.comparisons()));
            }
            Map<String, Double> baselines = new LinkedHashMap<>(trials.values().iterator().next().baselines());
            List<Variant> variants = new ArrayList<>();
            ModelRanking variantRanking = null;
            if (hidden.containsKey(CellType.LSTM)) {
                SeedTrials single = trials.get(CellType.LSTM.displayName());
                List<ModelRanking.Forecaster> lstms = new ArrayList<>(List.of(single.forecaster("LSTM, 1 layer")));
                variants.add(new Variant("LSTM, 1 layer", single.params(), single.testMetric()));
                for (String name : deeper) {
                    lstms.add(trials.get(name).forecaster(name));
                    variants.add(new Variant(name, trials.get(name).params(), trials.get(name).testMetric()));
                }
                variantRanking = new ModelRanking(metric, categorical, 1, lstms);
            }
            ModelRanking ranking = ranked.size() < 2 ? null : new ModelRanking(metric, categorical, 1, ranked);
            String name = recipe.describe();
            charts(folder, cells, name + (o.seeds() > 1 ? ", networks of seed " + o.seed() : ""), categorical
                    ? "cross-entropy per window (nats)" : "mean squared error per window (scaled units)", data);
            CompareResult partial = new CompareResult(folder.dir(), null, List.of(), name, metric, categorical, cells,
                    baselines, ranking, variants, variantRanking, runner.describe());
            folder.table("compare", CompareReport.table(partial));
            var report = folder.text("report.md", CompareReport.markdown(o, partial, data, target));
            folder.commit();
            return new CompareResult(folder.dir(), report, folder.written(), name, metric, categorical, cells, baselines,
                    ranking, variants, variantRanking, runner.describe());
        }
    }

    private static ModelSpec.Builder spec(CompareOptions o, CellType cell, int inputs, int outputs, boolean categorical) {
        return ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(inputs).setOutputSize(outputs)
                .setTask(categorical ? Task.CLASSIFICATION : Task.REGRESSION).optUpdater(UpdaterKind.ADAM, o.learningRate());
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
