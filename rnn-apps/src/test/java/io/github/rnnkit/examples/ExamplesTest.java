package io.github.rnnkit.examples;

import io.github.rnnkit.apps.cli.RnnkitCli;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example at tiny size, each checked by what its {@code run} returns. */
class ExamplesTest {
    @TempDir
    Path dir;

    @Test
    void weatherForecastTrainsEvaluatesSavesReloadsAndForecasts() {
        WeatherForecast.Result r = WeatherForecast.run(true, dir);
        assertEquals(3, r.evaluation().comparisons().size());
        assertEquals(209, r.evaluation().truth().length);
        assertTrue(Files.isRegularFile(r.bundle().resolve("spec.json")));
        assertArrayEquals(r.tomorrow().probabilities(), r.reloaded().probabilities(), 1e-7);
        assertEquals(5, r.reloaded().categories().size());
        assertEquals(1.0, Arrays.stream(r.reloaded().probabilities()).sum(), 1e-5);
    }

    @Test
    void stockPricesForecastsInPricesNextToNaiveAndDrift() {
        StockPrices.Result r = StockPrices.run(GeometricBrownianMotion.DEFAULT.generateWithVolume(800, 42), true);
        assertEquals(List.of("naive last value", "drift"), r.evaluation().comparisons().stream().map(c -> c.baseline()).toList());
        assertTrue(r.next().next() > 0.8 * r.next().lastPrice() && r.next().next() < 1.2 * r.next().lastPrice(),
                "next " + r.next().next() + " after " + r.next().lastPrice());
    }

    @Test
    void compareCellsMatchesParameterBudgets() {
        CompareCells.Result r = CompareCells.run(true);
        assertEquals(List.of(CellType.values()), r.rows().stream().map(CompareCells.Row::cell).toList());
        long min = r.rows().stream().mapToLong(CompareCells.Row::parameters).min().orElseThrow();
        long max = r.rows().stream().mapToLong(CompareCells.Row::parameters).max().orElseThrow();
        assertTrue(max <= 1.1 * min, "parameters " + min + " .. " + max);
        assertTrue(r.rows().stream().allMatch(row -> row.trials().testMetric().length == 2), "two seeds per cell");
        int cells = CellType.values().length;
        assertEquals(cells * (cells - 1) / 2, r.ranking().pairs().size(), "every two cells tested");
        assertTrue(r.ranking().pairs().stream().allMatch(p -> p.pValue() >= 0 && p.pValue() <= 1));
        assertEquals(r.ranking().winner().isPresent(), r.ranking().sentence("cell").contains("is better than every other cell"));
    }

    @Test
    void reverseWithAttentionBeatsThePlainModelAndReloadsToTheSameDecoding(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ReverseWithAttention.Result r = ReverseWithAttention.run(true, dir);
        assertTrue(r.attention().token() > r.plain().token(), r.attention() + " vs " + r.plain());
        assertEquals(r.attention().token(), r.reloaded().token(), 0);
        assertTrue(java.util.Arrays.deepEquals(r.attention().decoded(), r.reloaded().decoded()));
        int rows = r.attention().attention()[0].length;
        assertTrue(rows >= 1 && rows <= r.source().length + 1, "one row of weights per decoded step: " + rows);
    }

    @Test
    void streamingEqualsTheFullPass() {
        Streaming.Result r = Streaming.run(true);
        assertEquals(60, r.days());
        assertTrue(r.maxDifference() <= 1e-5, "difference " + r.maxDifference());
    }

    @Test
    void torchInteropRoundTripsTheWeights() {
        TorchInterop.Result r = TorchInterop.run(dir);
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"), r.arrays());
        assertTrue(r.maxDifference() <= 1e-6, "difference " + r.maxDifference());
    }

    @Test
    void toyRnnByHandEqualsTheNetwork() {
        ToyRnnByHand.Result r = ToyRnnByHand.run(0, 0, 0);
        assertEquals(Math.tanh(0.1), r.hidden()[0], 1e-15);
        assertEquals(Math.tanh(0.8 * Math.tanh(0.1) + 0.1), r.hidden()[1], 1e-15);
        assertEquals(0.775257, r.byHand(), 1e-6);
        assertEquals(r.byHand(), r.networkOutput(), 1e-12);
    }

    @Test
    void theCommandLineListsAndRunsThem() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int listed = RnnkitCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("example", "--list");
        assertEquals(0, listed);
        for (Examples.Entry e : Examples.ALL) {
            assertTrue(out.toString().contains(e.name() + " "), out.toString());
        }
        assertEquals(7, Examples.ALL.size());
        assertEquals(0, RnnkitCli.commandLine().execute("example", "toyrnnbyhand"));
        int unknown = RnnkitCli.commandLine().setErr(new PrintWriter(err)).execute("example", "Nope");
        assertEquals(2, unknown);
        assertTrue(err.toString().contains("unknown example 'Nope'; expected one of WeatherForecast"), err.toString());
    }
}
