package io.github.rnnkit.apps.weather;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.spec.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit weather} in its quick mode: every part runs and says what it should. */
class WeatherAppTest {
    @Test
    void quickRunCoversEveryCellAndLookBackWithRealProbabilities(@TempDir Path dir) throws Exception {
        WeatherResult r = WeatherApp.run(WeatherOptions.quick(dir.resolve("w")));
        assertEquals(9, r.article().size(), "3 cells x look-backs 10, 100, 1000");
        for (ArticleRun a : r.article()) {
            assertEquals(List.of("Sunny", "Rainy", "Cloudy"), a.nextDay().categories());
            assertEquals(1.0, Arrays.stream(a.nextDay().probabilities()).sum(), 1e-5, "softmax probabilities sum to 1");
            assertTrue(Arrays.stream(a.nextDay().probabilities()).allMatch(p -> p > 0 && p < 1));
            assertEquals(3, a.trainLoss().size(), "one loss per full-batch epoch");
            assertEquals(3, a.heldOutLoss().size(), "a held-out loss per epoch, scored after the first and the last");
            assertTrue(Double.isNaN(a.heldOutLoss().get(1)), "epoch 2 is neither the first, a fifth nor the last");
            assertTrue(List.of(a.heldOutLoss().get(0), a.heldOutLoss().get(2)).stream().allMatch(l -> l > 0.5 && l < 3),
                    a.heldOutLoss().toString());
            double[] z = a.nextDay().logits();
            double norm = Arrays.stream(z).map(Math::exp).sum();
            for (int k = 0; k < z.length; k++) {
                // the network's probabilities are float32: they sum to 1 only to about 1e-7
                assertEquals(a.nextDay().probabilities()[k], Math.exp(z[k]) / norm, 1e-6, "softmax of the logits");
            }
            assertEquals(0, Arrays.stream(z).sum(), 1e-9);
            assertTrue(a.testAccuracy() >= 0 && a.testAccuracy() <= 1);
            assertEquals(a.lookBack(), a.gradientByDistance().length);
            assertEquals(Math.round(0.2 * (1500 - a.lookBack())), a.testWindows());
        }
        assertEquals(List.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU), r.seattle().stream().map(SeattleRun::cell).toList());
        for (SeattleRun s : r.seattle()) {
            assertEquals(List.of("majority class", "persistence", "Markov chain"), List.copyOf(s.evaluation().baselines().keySet()));
            assertEquals(209, s.evaluation().model().n());
            assertEquals(209, Arrays.stream(s.evaluation().model().confusion()).flatMapToInt(Arrays::stream).sum());
        }
        for (String name : List.of("report.md", "article.csv", "seattle.csv", "seattle-loss.png", "seattle-confusion-gru.csv",
                "article-loss-rnn.png", "article-loss-rnn.csv", "article-gradients-lstm.png", "article-gradients-gru.csv")) {
            assertTrue(Files.isRegularFile(r.dir().resolve(name)), name);
        }
        assertNotNull(ImageIO.read(r.dir().resolve("article-gradients-rnn.png").toFile()));
        String report = Files.readString(r.report());
        assertTrue(report.contains("no model can forecast new days better than 1/3"), "the report says the data has no signal");
        assertTrue(report.contains("| logit Sunny |") && report.contains("held-out loss beside the training loss")
                && report.contains("none of that difference means anything here"), report);
        assertTrue(report.contains("![vanilla RNN loss](article-loss-rnn.png)"));
        assertTrue(report.contains("| **model** |") && report.contains("Confusion matrix"));
        assertTrue(report.contains("### Time grows with the look-back") && report.contains("| µs per window-step |"), report);
        assertTrue(report.contains("says nothing about what gates buy") && !report.contains("reaches furthest back"), report);
        assertTrue(report.contains("against the baselines (McNemar, 5 %)"), report);
    }

    @Test
    void commandPrintsASummaryAndRejectsBadLists(@TempDir Path dir) {
        CliRun r = CliRun.of("weather", "--quick", "--cells", "gru", "--look-backs", "10", "--out", dir.resolve("w").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("GRU          look-back    10  accuracy"), r.out());
        assertTrue(r.out().contains("Report: " + dir.resolve("w").resolve("report.md")), r.out());
        CliRun bad = CliRun.of("weather", "--look-backs", "10,ten");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--look-backs: 'ten' is not a positive whole number"), bad.err());
        CliRun badCell = CliRun.of("weather", "--cells", "rnn,transformer");
        assertEquals(2, badCell.status());
        assertTrue(badCell.err().contains("--cells: unknown cell 'transformer'"), badCell.err());
    }
}
