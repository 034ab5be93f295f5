package demo;

import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
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

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program of a library user's own: the README's "Use as a library" code, built by the
 * maven-invoker-plugin against the installed rnnkit artifacts and run with plain {@code java}.
 * Arguments: {@code [EPOCHS] [BUNDLE_DIR]} (default 30 epochs, a temporary folder).
 */
public final class WeatherDemo {
    private WeatherDemo() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("weather-model");
        // snippet:library
        CategoricalSeries weather = SampleDataset.SEATTLE_WEATHER.series();   // or CategoricalSeries.fromCsv(file, "weather")
        CategoricalDataset data = CategoricalDataset.builder(weather)
                .window(WindowSpec.manyToOne(10))          // 10 days in, the next day's weather out
                .split(SplitFractions.DEFAULT)             // 70 / 15 / 15 %, in time order
                .build();                                  // vocabulary fitted on the training part only
        ModelSpec spec = ModelSpec.builder()
                .setCell(CellType.GRU).setHiddenSizes(32)
                .setDataShape(data)                        // input and output sizes and the task, from the data
                .optUpdater(UpdaterKind.ADAM, 0.005)
                .build();                                  // invalid combinations fail here, saying why
        RnnNetwork net = NetworkFactory.create(spec);
        TrainingHistory history = Trainer.fit(net, data.train(), data.validation(), TrainerOptions.of(epochs));
        CategoricalEvaluation test = CategoricalEvaluation.onTest(net, data);   // next to three baselines
        test.comparisons().forEach(c -> System.out.println("the model " + c.sentence()));
        ModelBundle.of(net, data, history).save(dir);      // network, spec, vocabulary, provenance
        NextCategory tomorrow = Forecaster.load(dir).next(weather);
        System.out.println("tomorrow: " + tomorrow.category() + ", p(rain) = " + tomorrow.probability("rain"));
        // end-snippet
    }
}
