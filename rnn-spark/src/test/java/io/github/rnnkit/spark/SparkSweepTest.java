package io.github.rnnkit.spark;

import io.github.rnnkit.apps.sweep.SweepApp;
import io.github.rnnkit.apps.sweep.SweepOptions;
import io.github.rnnkit.apps.sweep.SweepResult;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.PlanRunners;
import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.TrainingTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep command's library call on Spark local[2] gives what it gives on threads, found through the runner's service entry. */
class SparkSweepTest {
    @Test
    void aSweepOnSparkEqualsTheSameSweepOnThreads(@TempDir Path dir) throws Exception {
        TrainingTask base = new TrainingTask("base", "seattle-weather", null, null, "gru", List.of(4), 5, 1, 1, 0.01, 1);
        SweepGrid grid = new SweepGrid(base, List.of("rnn", "gru"), List.of(List.of(4)), List.of(5), List.of(0.01),
                List.of("none", "global-l2:1.0"), List.of("none"), List.of(1L, 2L), 2);
        try (PlanRunner r = PlanRunners.forMaster("local[2]", 1)) {
            assertInstanceOf(SparkRunner.class, r);
            assertTrue(r.describe().startsWith("Spark local[2]"), r.describe());
        }
        assertTrue(PlanRunners.sparkAvailable());
        SweepResult threads = SweepApp.run(new SweepOptions(grid, "threads", 2, dir.resolve("threads"), WriteMode.NEW), l -> { });
        SweepResult spark = SweepApp.run(new SweepOptions(grid, "local[2]", 1, dir.resolve("spark"), WriteMode.NEW), l -> { });
        assertEquals(threads.ranked().stream().map(s -> s.configuration() + " " + s.validation()).toList(),
                spark.ranked().stream().map(s -> s.configuration() + " " + s.validation()).toList());
        assertEquals(withoutTimes(threads.finals()), withoutTimes(spark.finals()));
        assertEquals(Files.readString(threads.dir().resolve("grid.csv")), Files.readString(spark.dir().resolve("grid.csv")));
        assertTrue(spark.runner().startsWith("Spark local[2]"), spark.runner());
        assertTrue(Files.isDirectory(spark.model()), "the winner's model came back from the executor as bytes");
    }

    static List<String> withoutTimes(List<TaskOutcome> outcomes) {
        return outcomes.stream().map(o -> new TaskOutcome(o.id(), o.error(), o.metric(), o.model(), o.baselines(), o.pValues(),
                o.epochs(), o.validationLoss(), 0).json()).toList();
    }
}
