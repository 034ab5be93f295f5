package io.github.rnnkit.core.forecast;

import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecasterTest {
    @TempDir
    Path dir;

    private static final CategoricalSeries WEATHER = MarkovWeather.generate(400, List.of("sun", "rain", "fog"), 0.8, 4);

    private static RnnNetwork trained(ModelSpec.Builder spec, io.github.rnnkit.data.prep.WindowedDataset data) {
        RnnNetwork net = NetworkFactory.create(spec.setHiddenSizes(6).optUpdater(UpdaterKind.ADAM, 0.02).build());
        Trainer.fit(net, data.train(), data.validation(), TrainerOptions.of(2));
        return net;
    }

    @Test
    void categoricalForecastsFromASavedBundleEqualTheNetworkOnTheSameWindows() {
        CategoricalDataset data = CategoricalDataset.builder(WEATHER).window(WindowSpec.manyToOne(5))
                .split(SplitFractions.DEFAULT).build();
        RnnNetwork net = trained(ModelSpec.builder().setCell(CellType.GRU).setDataShape(data), data);
        ModelBundle.of(net, data, null).save(dir.resolve("m"));
        Forecaster f = Forecaster.load(dir.resolve("m"));

        List<NextCategory> every = f.everyStep(WEATHER);
        assertEquals(WEATHER.length() - 5 + 1, every.size());
        NextCategory next = f.next(WEATHER);
        assertEquals(WEATHER.length() - 1, next.step());
        assertNotNull(next.date());
        assertArrayEquals(next.probabilities(), every.get(every.size() - 1).probabilities(), 1e-6);
        assertEquals(1.0, java.util.Arrays.stream(next.probabilities()).sum(), 1e-5);
        // the test part's windows through the dataset pipeline give the same probabilities
        double[][][] direct = ModelOutputs.forecasts(net, data.test());
        for (int i = 0; i < data.test().size(); i++) {
            int step = data.test().get(i).lastInputStep();
            assertArrayEquals(direct[i][0], every.get(step - 4).probabilities(), 1e-6, "window ending at " + step);
        }
        // the bundle knows its training days: evaluating the same series scores only the days after them
        int trained = data.split().train().to();
        assertEquals(trained, f.trainingSpan().steps());
        assertEquals(WEATHER.index().date(trained - 1), f.trainingSpan().last());
        assertEquals(trained, f.firstUnseenStep(WEATHER.index()));
        CategoricalEvaluation e = f.evaluate(WEATHER);
        assertEquals(WEATHER.length() - trained, e.truth().length);
        assertEquals(WEATHER.length() - 5, f.evaluate(WEATHER, true).truth().length);
        assertEquals(3, e.baselines().size());
        // a series that starts after the training period, or a network without a bundle: every window
        CategoricalSeries later = WEATHER.slice(new IndexRange(trained, WEATHER.length()));
        assertEquals(0, f.firstUnseenStep(later.index()));
        assertEquals(0, Forecaster.of(net, ModelBundle.of(net, data, null).data()).firstUnseenStep(WEATHER.index()));
        assertEquals(CategoricalEvaluation.onTest(net, data).model().accuracy(),
                CategoricalEvaluation.of(net, data.test(), data.trainCodes(), data.vocabulary()).model().accuracy());
    }

    @ParameterizedTest
    @EnumSource(value = ScalerKind.class, names = {"Z_SCORE", "LOG_RETURNS", "MIN_MAX"})
    void priceForecastsAreInPricesAndAgreeWithTheEvaluation(ScalerKind scaler) {
        PriceSeries prices = GeometricBrownianMotion.DEFAULT.generateWithVolume(300, 7);
        PriceDataset data = PriceDataset.builder(prices).window(WindowSpec.seq2seq(10, 3)).optScaler(scaler)
                .split(SplitFractions.DEFAULT).build();
        RnnNetwork net = trained(ModelSpec.builder().setCell(CellType.LSTM).setDataShape(data), data);
        Forecaster f = Forecaster.of(ModelBundle.of(net, data, null));
        List<NextPrices> every = f.everyStep(prices);
        PriceEvaluation e = PriceEvaluation.onTest(net, data);
        List<Integer> steps = new ArrayList<>();
        every.forEach(p -> steps.add(p.step()));
        for (int i = 0; i < data.test().size(); i++) {
            int step = data.test().get(i).lastInputStep();
            NextPrices p = every.get(steps.indexOf(step));
            assertArrayEquals(e.forecasts()[i], p.prices(), 1e-4 * prices.get(step, 0), "window ending at " + step);
            assertEquals(prices.get(step, 0), p.lastPrice());
        }
        NextPrices next = f.next(prices);
        assertEquals(3, next.horizon());
        assertEquals(prices.length() - 1, next.step());
        assertTrue(next.next() > 0.5 * prices.get(prices.length() - 1, 0), "forecast " + next.next());
    }

    @Test
    void aSeriesTheModelCannotReadFailsNamingWhatIsWrong() {
        CategoricalDataset data = CategoricalDataset.builder(WEATHER).window(WindowSpec.manyToOne(5))
                .split(SplitFractions.DEFAULT).build();
        Forecaster f = Forecaster.of(ModelBundle.of(NetworkFactory.create(ModelSpec.builder().setCell(CellType.SIMPLE_RNN)
                .setHiddenSizes(3).setDataShape(data).build()), data, null));
        DataException unknown = assertThrows(DataException.class,
                () -> f.next(CategoricalSeries.of("mine", List.of("sun", "rain", "hail", "sun", "sun"))));
        assertTrue(unknown.getMessage().contains("category 'hail' was not in the training part"), unknown.getMessage());
        DataException shortSeries = assertThrows(DataException.class,
                () -> f.next(CategoricalSeries.of("mine", List.of("sun", "rain"))));
        assertTrue(shortSeries.getMessage().contains("the series has 2 steps"), shortSeries.getMessage());
        DataException kind = assertThrows(DataException.class, () -> f.next(PriceSeries.of("p", 1, 2, 3, 4, 5, 6)));
        assertTrue(kind.getMessage().contains("the model forecasts categories but this series holds numbers"),
                kind.getMessage());
    }

    @Test
    void bundleOfANetworkThatDoesNotFitItsDataIsRefused() {
        CategoricalDataset data = CategoricalDataset.builder(WEATHER).window(WindowSpec.manyToOne(5))
                .split(SplitFractions.DEFAULT).build();
        ModelSpec wrong = ModelSpec.builder().setCell(CellType.GRU).setHiddenSizes(3).setDataShape(data).setInputSize(4).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelBundle.of(NetworkFactory.create(wrong), data, (TrainingHistory) null));
        assertTrue(e.getMessage().contains("takes 4 input feature(s) per step but the training part has 3"), e.getMessage());
    }
}
