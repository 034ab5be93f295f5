package io.github.rnnkit.core.run;

import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.layers.MinRnnRuntimeLayer;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Progress;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.Tbptt;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.WalkForward;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains and evaluates one {@link TrainingTask} on one thread: OpenBLAS is set to one thread
 * ({@code Nd4j.factory().blas().setMaxThreads(1)}) and minGRU/minLSTM scans to one worker
 * ({@link MinRnnRuntimeLayer#WORKERS_PROPERTY}), so that as many tasks as cores can run at once
 * without oversubscribing them; both settings are process-wide, which is what an executor running
 * one task per core wants. Any error becomes a failed {@link TaskOutcome} with its message.
 */
public final class TaskRunner {
    private TaskRunner() {
    }

    /** Makes this process train on one thread per task (see the class description). */
    public static void singleThreaded() {
        Nd4j.factory().blas().setMaxThreads(1);
        System.setProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY, "1");
    }

    /**
     * @param task what to train
     * @return its test metric (a fold's: its validation metric) next to the baselines, or the error that stopped it
     */
    public static TaskOutcome run(TrainingTask task) {
        return guarded(task.id(), start -> train(task, start));
    }

    /**
     * @param task any task
     * @return its outcome; an error the task let escape becomes a failed outcome with its message
     */
    public static TaskOutcome runSafely(RunTask task) {
        return guarded(task.id(), start -> task.run());
    }

    /**
     * Trains and evaluates {@code task} on a series given as a table (e.g. one series of a long-format
     * file, {@link LongSeries}); the task's sample and CSV are not read.
     *
     * @param task       the model, window, split and seed; its column is the value column
     * @param table      the series' rows
     * @param dateColumn the date column, or null to use one named {@code date} if there is one
     * @return its metric next to the baselines, or the error that stopped it
     */
    public static TaskOutcome run(TrainingTask task, CsvTable table, String dateColumn) {
        return guarded(task.id(), start -> {
            SeriesReader reader = SeriesReader.of(table);
            if (dateColumn != null) {
                reader.optDateColumn(dateColumn);
            }
            return train(task, reader, task.column(), start);
        });
    }

    /** Runs {@code body} (given its start time), an error it throws becoming a failed outcome with its message. */
    static TaskOutcome guarded(String id, java.util.function.LongFunction<TaskOutcome> body) {
        long start = System.nanoTime();
        try {
            return body.apply(start);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TaskOutcome.failed(id, message, (System.nanoTime() - start) / 1e9);
        }
    }

    private static TaskOutcome train(TrainingTask task, long start) {
        CsvTable table;
        String column = task.column();
        if (task.sample() != null) {
            SampleDataset sample = SampleDataset.byId(task.sample());
            table = sample.table();
            column = column != null ? column : sample.defaultColumn();
        } else {
            table = CsvTable.read(Path.of(task.csv()));
        }
        return train(task, SeriesReader.of(table), column, start);
    }

    private static TaskOutcome train(TrainingTask task, SeriesReader reader, String column, long start) {
        SeriesKind kind = reader.inferKind(column);
        ModelSpec.Builder spec = ModelSpec.builder().setCell(CellType.parse(task.cell())).setHiddenSizes(task.hidden())
                .optUpdater(UpdaterKind.ADAM, task.learningRate()).optSeed(task.seed()).optClipping(Clipping.parse(task.clipping()));
        Tbptt tbptt = Tbptt.parse(task.tbptt());
        if (tbptt != null) {
            spec.optTbptt(tbptt.forward(), tbptt.backward());
        }
        WindowedDataset data;
        WindowSpec window = WindowSpec.manyToOne(task.lookBack());
        if (kind == SeriesKind.CATEGORICAL) {
            var series = reader.categorical(column);
            CategoricalDataset.Builder b = CategoricalDataset.builder(series).window(window);
            data = (task.folds() == 0 ? b.split(SplitFractions.DEFAULT) : b.split(fold(task, series.length()))).build();
        } else {
            var series = reader.prices(column);
            PriceDataset.Builder b = PriceDataset.builder(series).window(window);
            data = (task.folds() == 0 ? b.split(SplitFractions.DEFAULT) : b.split(fold(task, series.length()))).build();
        }
        spec.setDataShape(data);
        ModelSpec built = spec.build();
        RnnNetwork net = NetworkFactory.create(built);
        TrainingHistory h = Trainer.fit(net, data.train(), data.validation(),
                new TrainerOptions(task.epochs(), 32, task.patience(), task.seed(), null, Progress.NONE));
        // a fold is scored on its validation part; the test part is for the one configuration a sweep keeps
        var scored = task.folds() == 0 ? data.test() : data.validation();
        List<Comparison> comparisons = data instanceof CategoricalDataset c
                ? CategoricalEvaluation.of(net, scored, c.trainCodes(), c.vocabulary()).comparisons()
                : PriceEvaluation.of(net, (PriceDataset) data, scored).comparisons();
        Map<String, Double> baselines = new LinkedHashMap<>();
        Map<String, Double> p = new LinkedHashMap<>();
        for (Comparison cmp : comparisons) {
            baselines.put(cmp.baseline(), cmp.baselineValue());
            p.put(cmp.baseline(), cmp.pValue());
        }
        byte[] bundle = task.keepModel() ? bundle(ModelBundle.of(net, built, data, h)) : null;
        return new TaskOutcome(task.id(), null, comparisons.get(0).metric(), comparisons.get(0).model(), baselines, p,
                h.epochs().size(), h.epochs().get(h.bestEpoch() - 1).validationLoss(), (System.nanoTime() - start) / 1e9, Map.of(), bundle);
    }

    private static ChronoSplit fold(TrainingTask task, int steps) {
        return WalkForward.validationFolds(steps, SplitFractions.DEFAULT, task.folds()).get(task.fold());
    }

    private static byte[] bundle(ModelBundle b) {
        try {
            Path dir = Files.createTempDirectory("rnnkit-task-");
            try {
                b.save(dir.resolve("bundle"));
                return BundleBytes.zip(dir.resolve("bundle"));
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the trained model", e);
        }
    }
}
