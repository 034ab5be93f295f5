package io.github.rnnkit.examples;

import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.core.forecast.NextCategory;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Tomorrow's weather in Seattle: the whole life of a model in the library's calls.
 *
 * <p>Teaches: loading a categorical series, a chronological split with the vocabulary fitted on
 * the training part, a GRU spec shaped by the data, training with early stopping, evaluation on
 * the test part next to the majority-class, persistence and Markov-chain baselines (with
 * McNemar's test), saving a bundle, loading it back and forecasting tomorrow.
 *
 * <p>Prints: the test accuracy beside each baseline and whether the difference is significant,
 * where the bundle went, and tomorrow's forecast with the probability of each kind of weather,
 * from the trained network and again from the reloaded bundle (the same numbers).
 */
public final class WeatherForecast {
    private WeatherForecast() {
    }

    /**
     * @param evaluation the test part next to the baselines
     * @param tomorrow   the trained network's forecast after the last day
     * @param reloaded   the same forecast from the bundle read back from disk
     * @param bundle     the folder the bundle was saved in
     */
    public record Result(CategoricalEvaluation evaluation, NextCategory tomorrow, NextCategory reloaded, Path bundle) {
    }

    /**
     * Runs the example; {@code --quick} for a few seconds' run, {@code --out DIR} for where the bundle goes (a temporary folder otherwise).
     *
     * @param args {@code [--quick] [--out DIR]}
     */
    public static void main(String[] args) {
        run(Examples.quick(args), Examples.outputDir(args, "weather"));
    }

    /**
     * @param quick a few seconds' run (one epoch, a small network) instead of the full one
     * @param dir   an empty or new folder for the bundle
     * @return the evaluation, tomorrow's forecast before and after reloading, and the bundle's folder
     */
    public static Result run(boolean quick, Path dir) {
        CategoricalSeries weather = SampleDataset.SEATTLE_WEATHER.series();
        CategoricalDataset data = CategoricalDataset.builder(weather)
                .window(WindowSpec.manyToOne(10))          // 10 days in, the next day's weather out
                .split(SplitFractions.DEFAULT)             // 70 / 15 / 15 %, in time order
                .build();
        ModelSpec spec = ModelSpec.builder()
                .setCell(CellType.GRU).setHiddenSizes(quick ? 8 : 32)
                .setDataShape(data)                        // inputs, outputs and task from the data
                .optUpdater(UpdaterKind.ADAM, 0.005).optSeed(42)
                .build();
        RnnNetwork net = NetworkFactory.create(spec);
        TrainingHistory history = Trainer.fit(net, data.train(), data.validation(), TrainerOptions.of(quick ? 1 : 30));
        System.out.printf(Locale.ROOT, "trained %d epochs (best %d) on %d windows%n", history.epochs().size(),
                history.bestEpoch(), data.train().size());

        CategoricalEvaluation test = CategoricalEvaluation.onTest(net, data);
        System.out.printf(Locale.ROOT, "test accuracy %.3f on %d days%n", test.model().accuracy(), test.truth().length);
        for (Comparison c : test.comparisons()) {
            System.out.println("  the model " + c.sentence());
        }

        ModelBundle.of(net, data, history).save(dir);
        System.out.println("saved the model bundle in " + dir);
        NextCategory tomorrow = Forecaster.of(net, DataDescription.of(data)).next(weather);
        NextCategory reloaded = Forecaster.load(dir).next(weather);
        System.out.println("after " + reloaded.date() + ": " + reloaded.category());
        for (String category : reloaded.categories()) {
            System.out.printf(Locale.ROOT, "  %-8s %.3f%n", category, reloaded.probability(category));
        }
        return new Result(test, tomorrow, reloaded, dir);
    }
}
