package io.github.rnnkit.apps.compare;

import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit compare}: matched parameter counts, every cell next to the baselines. */
class CompareAppTest {
    @ParameterizedTest
    @EnumSource(CellType.class)
    void parameterFormulaCountsWhatTheNetworkHas(CellType cell) {
        for (int[] c : new int[][]{{3, 7, 3}, {5, 32, 5}, {1, 64, 2}}) {
            ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(c[0])
                    .setHiddenSizes(c[1]).setOutputSize(c[2]).setTask(Task.CLASSIFICATION).build();
            assertEquals(NetworkFactory.create(spec).numParams(), ParameterMatch.count(cell, c[0], c[1], c[2]));
        }
    }

    @ParameterizedTest
    @CsvSource({"SIMPLE_RNN, 66", "GRU, 37", "LSTM, 32"})
    void hiddenSizesMatchTheLstmsCount(CellType cell, int expected) {
        long target = ParameterMatch.count(CellType.LSTM, 5, 32, 5);
        assertEquals(5029, target);
        assertEquals(expected, ParameterMatch.hiddenFor(cell, 5, 5, target));
    }

    @Test
    void quickRunComparesEveryCellAtMatchedSize(@TempDir Path dir) throws Exception {
        CompareResult r = CompareApp.run(CompareOptions.quick(dir.resolve("c")));
        assertEquals("accuracy", r.metric());
        assertEquals(List.of("majority class", "persistence", "Markov chain"), List.copyOf(r.baselines().keySet()));
        long lstm = r.cells().stream().filter(c -> c.cell() == CellType.LSTM).findFirst().orElseThrow().params();
        for (CellComparison c : r.cells()) {
            assertTrue(Math.abs(c.params() - lstm) <= 0.02 * lstm, c.cell() + " has " + c.params() + " vs " + lstm);
            assertTrue(c.history().epochs().size() <= 2 && c.secondsPerEpoch() > 0);
            assertEquals(10, c.gradientByDistance().length);
            assertEquals(3, c.comparisons().size());
            assertEquals(CompareOptions.DEFAULT_SEEDS, c.testBySeed().length, "several seeds by default");
            assertTrue(c.comparisons().stream().allMatch(x -> x.test().equals("Diebold-Mariano") && x.tested()));
        }
        // a cell is named better only by the paired test; otherwise the report says no cell is
        String sentence = r.ranking().sentence("cell");
        assertEquals(r.ranking().winner().isPresent(), sentence.contains("is better than every other cell here"));
        assertEquals(r.ranking().winner().isEmpty(), sentence.startsWith("No cell is better than the others here"));
        String report = Files.readString(r.report());
        assertTrue(report.contains(sentence) && !report.contains("Best on the test part"), report);
        assertTrue(report.contains("cannot tell these apart") && !report.contains("learns least"), report);
        assertEquals("1 thread in this process", r.ranOn());
        assertTrue(report.contains("on 1 thread in this process; the results do not depend on where they ran"), report);
        for (String name : List.of("report.md", "compare.csv", "validation-loss.png", "train-loss.png", "gradients.png",
                "gradients.csv")) {
            assertTrue(Files.isRegularFile(r.dir().resolve(name)), name);
        }
        assertTrue(Files.readString(r.report()).contains("**Parameter counts.**"));
        // the LSTM deeper and both ways, on the same seeds, tested against the one-layer LSTM
        assertEquals(List.of("LSTM, 1 layer", "LSTM, 2 layers of 32", "bidirectional LSTM, 32 per direction"),
                r.variants().stream().map(Variant::name).toList());
        assertEquals(lstm, r.variants().get(0).params());
        assertEquals(lstm + 4L * 32 * (32 + 32 + 1), r.variants().get(1).params(), "a second layer of 4 gates over 32 inputs");
        assertEquals(2 * (lstm - 32 * 5 - 5) + 64 * 5 + 5, r.variants().get(2).params(), "two directions, output over 64");
        assertEquals(2, r.variantRanking().pValuesAgainst("LSTM, 1 layer").size(), "the table's and the ranking's names agree");
        assertTrue(report.contains("## Deeper, and both ways") && report.contains(r.variantRanking().sentence("variant")), report);
        assertTrue(Files.isRegularFile(r.dir().resolve("validation-accuracy.png")));
        assertEquals("Validation loss per epoch on the article's uniformly random weather, networks of seed 42",
                CompareApp.title("Validation loss per epoch on ", "the article's uniformly random weather (1,500 days, seed 42), "
                        + "networks of seed 42"), "a title too long for the chart loses its parenthesised details");
        assertEquals("Training loss on GBM (300 days)", CompareApp.title("Training loss on ", "GBM (300 days)"));
    }

    @Test
    void priceDataAndBadOptions(@TempDir Path dir) {
        CliRun gbm = CliRun.of("compare", "--quick", "--dataset", "gbm", "--cells", "gru,rnn", "--out", dir.resolve("g").toString());
        assertEquals(0, gbm.status(), gbm.err());
        assertTrue(gbm.out().contains("baseline naive last value") && gbm.out().contains("test RMSE"), gbm.out());
        assertTrue(gbm.out().contains("over 3 seeds") && gbm.out().contains("naive last value"), gbm.out());
        CliRun one = CliRun.of("compare", "--quick", "--dataset", "weather", "--cells", "gru,rnn", "--seeds", "1", "--out",
                dir.resolve("w").toString());
        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().contains("over 1 seed:"), one.out());
        CliRun zero = CliRun.of("compare", "--seeds", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("--seeds"), zero.err());
        CliRun bad = CliRun.of("compare", "--dataset", "stocks");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--dataset 'stocks' is not one of weather, seattle-weather, gbm, csv"), bad.err());
        CliRun noFile = CliRun.of("compare", "--dataset", "csv");
        assertEquals(2, noFile.status());
        assertTrue(noFile.err().contains("--dataset csv needs --csv FILE --column NAME"), noFile.err());
    }
}
