package io.github.rnnkit.core.run;

import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long-format file of several series: one model per series, one global model, bad series reported with their lines. */
class ManySeriesTest {
    /** Three GBM series at price levels 100, 1000 and 10 (interleaved by date, as exported tables often are), and a bad one. */
    static Path longFile(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("day,ticker,close\n");
        double[][] prices = new double[3][];
        double[] level = {1, 10, 0.1};
        for (int s = 0; s < 3; s++) {
            prices[s] = GeometricBrownianMotion.DEFAULT.generate(300, 7 + s).target();
        }
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        for (int t = 0; t < 300; t++) {
            for (int s = 0; s < 3; s++) {
                b.append(d0.plusDays(t)).append(",T").append(s).append(',').append(prices[s][t] * level[s]).append('\n');
            }
            if (t < 40) {
                b.append(d0.plusDays(t)).append(",BAD,").append(t == 20 ? "n/a" : "5").append('\n');
            }
        }
        return Files.writeString(dir.resolve("long.csv"), b);
    }

    static final TrainingTask MODEL = new TrainingTask("model", "unused", null, null, "gru", List.of(4), 5, 2, 1, 0.01, 1);

    @Test
    void eachSeriesGetsItsOwnModelAndABadSeriesIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        LongSeries source = new LongSeries(longFile(dir).toString(), "ticker", "close", "day");
        assertEquals(List.of("T0", "T1", "T2", "BAD"), source.names());
        List<SeriesTask> plan = source.names().stream().map(n -> new SeriesTask(n, source, MODEL)).toList();
        List<TaskOutcome> outcomes = new LocalRunner(2).run(plan, null, o -> { });
        for (int s = 0; s < 3; s++) {
            assertTrue(outcomes.get(s).ok(), outcomes.get(s).toString());
            assertTrue(outcomes.get(s).metric().startsWith("RMSE"), outcomes.get(s).metric());
        }
        // the naive baseline's RMSE scales with each series' level: each series is scored in its own units
        double r0 = outcomes.get(0).baselines().values().iterator().next();
        double r1 = outcomes.get(1).baselines().values().iterator().next();
        assertTrue(r1 > 5 * r0, r0 + " " + r1);
        TaskOutcome bad = outcomes.get(3);
        assertFalse(bad.ok());
        // 'n/a' is on the file's line 2 + 20 * 4 + 3 = 85 (header, then 4 rows a day while BAD lasts)
        assertTrue(bad.error().contains("line 85") && bad.error().contains("n/a"), bad.error());
        SeriesSummary sum = SeriesSummary.of(outcomes);
        assertEquals(4, sum.series());
        assertEquals(1, sum.failed());
        assertTrue(sum.line().contains("of 3 series"), sum.line());
    }

    @Test
    void aGlobalModelPoolsTheSeriesScaledOneByOneAndScoresEachOnItsOwnTest(@TempDir Path dir) throws Exception {
        LongSeries source = new LongSeries(longFile(dir).toString(), "ticker", "close", "day");
        List<TaskOutcome> global = GlobalSeriesModel.train(source, MODEL);
        assertEquals(List.of("T0", "T1", "T2", "BAD"), global.stream().map(TaskOutcome::id).toList());
        assertFalse(global.get(3).ok());
        for (int s = 0; s < 3; s++) {
            assertTrue(global.get(s).ok(), global.get(s).toString());
            assertEquals(global.get(0).validationLoss(), global.get(s).validationLoss(), 0, "one model, one validation loss");
        }
        List<TaskOutcome> again = GlobalSeriesModel.train(source, MODEL);
        assertEquals(global.get(1).model(), again.get(1).model(), 0, "deterministic for a seed");
        // a series alone, with the same data and seed, is a different model from the pooled one
        TaskOutcome alone = new SeriesTask("T1", source, MODEL).run();
        assertTrue(alone.ok());
        assertFalse(alone.model() == global.get(1).model());
        assertEquals(alone.baselines(), global.get(1).baselines(), "the same test windows and baselines either way");
    }

    @Test
    void theSignTestIsTheBinomialsByHand() {
        assertEquals(1.0, SeriesSummary.Paired.signTest(0, 0));
        assertEquals(2 * (1 + 10 + 45) / 1024.0, SeriesSummary.Paired.signTest(2, 10), 1e-15);   // P(X<=2 or X>=8), n=10
        assertEquals(2 / 64.0, SeriesSummary.Paired.signTest(6, 6), 1e-15);
        assertEquals(1.0, SeriesSummary.Paired.signTest(3, 6), 1e-15);
        TaskOutcome a1 = new TaskOutcome("s1", null, "RMSE", 1, Map.of(), Map.of(), 1, 1, 1);
        TaskOutcome a2 = new TaskOutcome("s2", null, "RMSE", 3, Map.of(), Map.of(), 1, 1, 1);
        TaskOutcome b1 = new TaskOutcome("s1", null, "RMSE", 2, Map.of(), Map.of(), 1, 1, 1);
        TaskOutcome b2 = new TaskOutcome("s2", null, "RMSE", 3, Map.of(), Map.of(), 1, 1, 1);
        assertEquals(new SeriesSummary.Paired(1, 0, 1.0), SeriesSummary.Paired.of(List.of(a1, a2), List.of(b2, b1)), "a tie is left out");
    }

    @Test
    void missingColumnsAndCategoricalSeriesInAGlobalModelAreNamed(@TempDir Path dir) throws Exception {
        Path file = longFile(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LongSeries(file.toString(), "symbol", "close", "day").names());
        assertTrue(e.getMessage().contains("symbol") && e.getMessage().contains("ticker"), e.getMessage());
        Path weather = Files.writeString(dir.resolve("w.csv"), "station,weather\nA,sun\nA,rain\nB,sun\n");
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> GlobalSeriesModel.train(new LongSeries(weather.toString(), "station", "weather", null), MODEL));
        assertTrue(c.getMessage().contains("holds categories"), c.getMessage());
        assertEquals(Map.of(), new TaskOutcome("x", null, "RMSE", 1, Map.of(), Map.of(), 1, 1, 1).figures());
    }
}
