package io.github.rnnkit.spark;

import io.github.rnnkit.apps.memory.MemoryApp;
import io.github.rnnkit.apps.memory.MemoryOptions;
import io.github.rnnkit.apps.memory.MemoryResult;
import io.github.rnnkit.apps.memory.MemoryRun;
import io.github.rnnkit.apps.memory.MemoryTask;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.spec.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memory benchmark's runs on Spark local[2]: the same runs, errors and report as one after another on one thread. */
class SparkMemoryTest {
    @Test
    void memoryOnSparkEqualsMemoryOnOneThread(@TempDir Path dir) throws Exception {
        MemoryOptions threads = new MemoryOptions(List.of(MemoryTask.ADDING), List.of(CellType.SIMPLE_RNN, CellType.GRU), List.of(5, 10),
                List.of(1L, 2L), 8, 64, 20, 1, null, false, dir.resolve("threads"), WriteMode.NEW);
        MemoryOptions spark = new MemoryOptions(threads.tasks(), threads.cells(), threads.lags(), threads.seeds(), 8, 64, 20, 1, null,
                false, dir.resolve("spark"), WriteMode.NEW);
        MemoryResult one = MemoryApp.run(threads, "threads", 1, p -> { });
        MemoryResult onSpark = MemoryApp.run(spark, "local[2]", 1, p -> { });
        assertEquals(one.runs().stream().map(SparkMemoryTest::key).toList(), onSpark.runs().stream().map(SparkMemoryTest::key).toList());
        assertEquals(Files.readString(one.dir().resolve("runs.csv")).replaceAll(",[0-9.]+\n", "\n"),
                Files.readString(onSpark.dir().resolve("runs.csv")).replaceAll(",[0-9.]+\n", "\n"), "runs.csv but for the seconds");
    }

    private static String key(MemoryRun r) {
        return r.task().label() + " " + r.cell().label() + " " + r.lag() + " " + r.seed() + " " + r.testError() + " " + r.updates();
    }
}
