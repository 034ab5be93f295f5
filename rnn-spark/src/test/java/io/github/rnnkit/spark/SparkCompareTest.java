package io.github.rnnkit.spark;

import io.github.rnnkit.apps.compare.CellComparison;
import io.github.rnnkit.apps.compare.CompareApp;
import io.github.rnnkit.apps.compare.CompareDataset;
import io.github.rnnkit.apps.compare.CompareOptions;
import io.github.rnnkit.apps.compare.CompareResult;
import io.github.rnnkit.apps.compare.Variant;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.scale.ScalerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compare's seeds on Spark local[2]: the same metrics, per-window tests and gradient chart as one training at a time. */
class SparkCompareTest {
    @Test
    void compareOnSparkEqualsCompareOnOneThread(@TempDir Path dir) throws Exception {
        CompareResult one = CompareApp.run(options(dir.resolve("threads")), "threads", 1, o -> { });
        CompareResult onSpark = CompareApp.run(options(dir.resolve("spark")), "local[2]", 1, o -> { });
        assertTrue(onSpark.ranOn().contains("local[2]"), onSpark.ranOn());
        assertEquals(one.cells().stream().map(SparkCompareTest::key).toList(), onSpark.cells().stream().map(SparkCompareTest::key).toList());
        assertEquals(one.variants().stream().map(SparkCompareTest::key).toList(),
                onSpark.variants().stream().map(SparkCompareTest::key).toList());
        assertEquals(one.baselines(), onSpark.baselines());
        assertEquals(one.ranking().sentence("cell"), onSpark.ranking().sentence("cell"));
        assertEquals(Files.readString(one.dir().resolve("gradients.csv")), Files.readString(onSpark.dir().resolve("gradients.csv")));
        assertEquals(Files.readString(one.dir().resolve("validation-loss.csv")),
                Files.readString(onSpark.dir().resolve("validation-loss.csv")));
    }

    private static CompareOptions options(Path out) {
        // sizes at which OpenBLAS would use several threads: the driver's diagnostics must not inherit the executors' one
        return new CompareOptions(CompareDataset.SEATTLE_WEATHER, null, List.of(CellType.SIMPLE_RNN, CellType.LSTM), 32, 10, 1,
                0.005, 42, 2, ScalerKind.LOG_RETURNS, out, false);
    }

    private static String key(CellComparison c) {
        return c.cell() + " " + c.hidden() + " " + c.params() + " " + Arrays.toString(c.trainBySeed()) + " "
                + Arrays.toString(c.testBySeed()) + " " + Arrays.toString(c.gradientByDistance()) + " " + c.comparisons();
    }

    private static String key(Variant v) {
        return v.name() + " " + v.params() + " " + Arrays.toString(v.testBySeed());
    }
}
