package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoder-decoder forecaster: trained, scored beside its baselines, saved, loaded and forecasting the same. */
class Seq2SeqForecasterTest {
    @Test
    void pricesRoundTripThroughTheBundle(@TempDir Path dir) {
        double[] prices = GeometricBrownianMotion.DEFAULT.generate(300, 3).target();
        Seq2SeqForecaster.Trained t = Seq2SeqForecaster.trainPrices(prices, "close", new Seq2SeqForecaster.Settings(CellType.LSTM, 8,
                AttentionKind.BAHDANAU, 10, 4, 2, 32, 0.003, 1));
        assertEquals(List.of(Seq2SeqForecaster.MODEL, "naive", "drift"), t.test().forecasters());
        assertEquals(4, t.test().score("naive").length);
        assertEquals(2, t.fit().validation().size());
        Seq2SeqForecaster.Forecast f = t.forecaster().next(prices);
        assertEquals(4, f.prices().length);
        assertEquals(4, f.attention().length);
        assertEquals(10, f.attention()[0].length);
        t.forecaster().save(dir.resolve("m"));
        Seq2SeqForecaster loaded = Seq2SeqForecaster.load(dir.resolve("m"));
        assertArrayEquals(f.prices(), loaded.next(prices).prices(), 0);
        assertEquals("close", loaded.column());
        // naive's RMSE by hand on day 1
        double[][] truth = t.forecasts().priceTruth();
        double[][] naive = t.forecasts().prices().get("naive");
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += (truth[i][0] - naive[i][0]) * (truth[i][0] - naive[i][0]);
        }
        assertEquals(Math.sqrt(s / truth.length), t.test().score("naive")[0], 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loaded.next(new double[]{1, 2, 3}));
        assertTrue(e.getMessage().contains("the model reads the last 10"), e.getMessage());
    }

    @Test
    void categoriesRoundTripAndAChangedBundleIsRefused(@TempDir Path dir) throws Exception {
        List<String> days = MarkovWeather.generate(400, List.of("sun", "rain", "fog"), 0.7, 2).values();
        Seq2SeqForecaster.Trained t = Seq2SeqForecaster.trainCategories(days, "weather",
                Seq2SeqForecaster.Settings.defaults(CellType.GRU, AttentionKind.NONE, 7, 3));
        assertEquals(List.of(Seq2SeqForecaster.MODEL, "persistence", "Markov chain", "majority class"), t.test().forecasters());
        Seq2SeqForecaster.Forecast f = t.forecaster().next(days);
        assertEquals(3, f.categories().size());
        assertNull(f.attention());
        for (double[] p : f.probabilities()) {
            assertTrue(java.util.Arrays.stream(p).sum() <= 1 + 1e-6);
        }
        t.forecaster().save(dir.resolve("m"));
        assertEquals(f.categories(), Seq2SeqForecaster.load(dir.resolve("m")).next(days).categories());
        IllegalArgumentException unseen = assertThrows(IllegalArgumentException.class,
                () -> t.forecaster().next(List.of("sun", "sun", "hail", "sun", "sun", "sun", "sun")));
        assertTrue(unseen.getMessage().contains("step 3: category 'hail' is not one the model knows"), unseen.getMessage());
        Path net = dir.resolve("m/network.zip");
        byte[] bytes = Files.readAllBytes(net);
        bytes[bytes.length / 2] ^= 1;
        Files.write(net, bytes);
        DataException e = assertThrows(DataException.class, () -> Seq2SeqForecaster.load(dir.resolve("m")));
        assertTrue(e.getMessage().contains("network.zip") && e.getMessage().contains("manifest"), e.getMessage());
    }
}
