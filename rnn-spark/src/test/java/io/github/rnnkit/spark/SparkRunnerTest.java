package io.github.rnnkit.spark;

import io.github.rnnkit.core.run.LocalRunner;
import io.github.rnnkit.core.run.ResultsFile;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.TrainingTask;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan on Spark in local[2]: the local runner's outcomes, failures reported, a lost attempt retried, resumed without rework. */
class SparkRunnerTest {
    private static TrainingTask weather(String id, long seed) {
        return new TrainingTask(id, "seattle-weather", null, null, "gru", List.of(4), 5, 1, 1, 0.01, seed);
    }

    @Test
    void sparkGivesTheLocalRunnersOutcomesRetriesALostAttemptAndResumes(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "close\n1\n2\n3\n");
        List<TrainingTask> plan = List.of(weather("a", 1), weather("b", 2), weather("c", 3),
                new TrainingTask("bad-column", null, csv.toString(), "price", "lstm", List.of(4), 5, 1, 1, 0.01, 1));
        List<TaskOutcome> local = new LocalRunner(2).run(plan, null, o -> { });
        Path results = dir.resolve("r.jsonl");
        TaskOutcome marked = new TaskOutcome("c", null, "accuracy", 0.123, Map.of("persistence", 0.5), Map.of("persistence", 0.9),
                1, 0.4, 0.1);
        Files.writeString(results, marked.json() + "\n");
        FaultHook.FAIL_FIRST_ATTEMPT.add("b");
        List<String> ran = new ArrayList<>();
        // local[2,2]: two cores, two attempts per task, so the lost first attempt of b is retried
        try (JavaSparkContext sc = SparkRunner.context("local[2,2]", 2)) {
            List<TaskOutcome> spark = new SparkRunner(sc).run(plan, results, o -> ran.add(o.id()));
            for (int i = 0; i < 2; i++) {
                assertTrue(spark.get(i).ok(), spark.get(i).toString());
                assertEquals(local.get(i).model(), spark.get(i).model(), 0, "the same model on Spark as locally: " + plan.get(i).id());
                assertEquals(local.get(i).baselines(), spark.get(i).baselines());
            }
            assertEquals(0.123, spark.get(2).model(), 0, "finished tasks are kept, not rerun");
            assertFalse(ran.contains("c"), ran.toString());
            assertFalse(spark.get(3).ok());
            assertTrue(spark.get(3).error().contains("price"), spark.get(3).error());
            assertTrue(FaultHook.FAIL_FIRST_ATTEMPT.isEmpty(), "b's first attempt was made and lost");
        }
        assertEquals(4, ResultsFile.read(results).size());
    }

    /** The README's example, run as written (small sizes), in its own folder. */
    @Test
    void theReadmeExampleRuns(@TempDir Path dir) {
        List<TaskOutcome> local;
        List<TaskOutcome> spark;
        // snippet:plan
        List<TrainingTask> plan = List.of(
                new TrainingTask("gru-1", "seattle-weather", null, null, "gru", List.of(8), 10, 2, 2, 0.005, 1),
                new TrainingTask("lstm-1", "seattle-weather", null, null, "lstm", List.of(8), 10, 2, 2, 0.005, 1));
        local = new LocalRunner(2).run(plan, dir.resolve("results.jsonl"), o -> System.out.println(o.json()));
        try (JavaSparkContext sc = SparkRunner.context("local[*]", 4)) {       // or spark://HOST:7077
            spark = new SparkRunner(sc).run(plan, dir.resolve("results-spark.jsonl"), o -> { });
        }
        // end-snippet
        assertEquals(local, spark.stream().map(o -> new TaskOutcome(o.id(), o.error(), o.metric(), o.model(), o.baselines(),
                o.pValues(), o.epochs(), o.validationLoss(), local.get(spark.indexOf(o)).seconds())).toList(), "the same outcomes but for time");
    }
}
