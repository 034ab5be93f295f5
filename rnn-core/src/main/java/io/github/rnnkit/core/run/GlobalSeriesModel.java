package io.github.rnnkit.core.run;

import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Progress;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One global model across all numeric series of a {@link LongSeries} file: each series is split
 * 70/15/15 on its own and scaled by scalers fitted on its own training part (so that series of
 * different price levels share one model), the training windows of all series are pooled and one
 * network is trained on them (early stopping on the pooled validation windows), and each series is
 * then scored on its own test part against its own baselines, in its own units. A series that cannot
 * be read or is too short is a failed outcome and takes no part in training.
 */
public final class GlobalSeriesModel {
    private GlobalSeriesModel() {
    }

    /**
     * @param source the file
     * @param model  the model, window and seed (its sample, CSV and column are ignored)
     * @return one outcome per series, in file order: its test RMSE next to its baselines (all share
     *         the global model's epochs and validation loss), or what was wrong with it
     * @throws IllegalArgumentException when no series can be used, or a series holds categories
     */
    public static List<TaskOutcome> train(LongSeries source, TrainingTask model) {
        long start = System.nanoTime();
        Map<String, PriceDataset> data = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, CsvTable> e : source.tables().entrySet()) {
            SeriesReader reader = SeriesReader.of(e.getValue());
            if (source.dateColumn() != null) {
                reader.optDateColumn(source.dateColumn());
            }
            SeriesKind kind;
            try {
                kind = reader.inferKind(source.valueColumn());
            } catch (IllegalArgumentException ex) {
                errors.put(e.getKey(), ex.getMessage());
                continue;
            }
            if (kind == SeriesKind.CATEGORICAL) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' holds categories: a global model pools numeric series "
                        + "(train one model per series instead)");
            }
            try {
                data.put(e.getKey(), PriceDataset.builder(reader.prices(source.valueColumn()))
                        .window(WindowSpec.manyToOne(model.lookBack())).split(SplitFractions.DEFAULT).build());
            } catch (IllegalArgumentException ex) {
                errors.put(e.getKey(), ex.getMessage());
            }
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no series of " + source.csv() + " can be used: " + errors);
        }
        PriceDataset first = data.values().iterator().next();
        SequenceSet train = pooled(data.values().stream().map(PriceDataset::train).toList());
        SequenceSet validation = pooled(data.values().stream().map(PriceDataset::validation).toList());
        ModelSpec spec = ModelSpec.builder().setCell(CellType.parse(model.cell())).setHiddenSizes(model.hidden())
                .optUpdater(UpdaterKind.ADAM, model.learningRate()).optSeed(model.seed()).optClipping(Clipping.parse(model.clipping()))
                .setDataShape(first).build();
        RnnNetwork net = NetworkFactory.create(spec);
        TrainingHistory h = Trainer.fit(net, train, validation,
                new TrainerOptions(model.epochs(), 32, model.patience(), model.seed(), null, Progress.NONE));
        double validationLoss = h.epochs().get(h.bestEpoch() - 1).validationLoss();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TaskOutcome> out = new ArrayList<>();
        for (String name : source.tables().keySet()) {
            if (errors.containsKey(name)) {
                out.add(TaskOutcome.failed(name, errors.get(name), 0));
                continue;
            }
            PriceDataset d = data.get(name);
            List<Comparison> comparisons = PriceEvaluation.onTest(net, d).comparisons();
            Map<String, Double> baselines = new LinkedHashMap<>();
            Map<String, Double> p = new LinkedHashMap<>();
            comparisons.forEach(c -> {
                baselines.put(c.baseline(), c.baselineValue());
                p.put(c.baseline(), c.pValue());
            });
            out.add(new TaskOutcome(name, null, comparisons.get(0).metric(), comparisons.get(0).model(), baselines, p, h.epochs().size(),
                    validationLoss, seconds));
        }
        return out;
    }

    private static SequenceSet pooled(List<SequenceSet> parts) {
        List<SequenceSample> samples = new ArrayList<>();
        for (SequenceSet s : parts) {
            for (int i = 0; i < s.size(); i++) {
                samples.add(s.get(i));
            }
        }
        SequenceSet first = parts.get(0);
        return SequenceSet.regression(samples, first.featureCount(), first.targetCount(), first.topology());
    }
}
