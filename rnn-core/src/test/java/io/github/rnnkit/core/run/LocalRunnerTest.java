package io.github.rnnkit.core.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan of independent trainings: the same outcomes on any number of workers, failures reported, resumed without rework. */
class LocalRunnerTest {
    private static TrainingTask weather(String id, long seed) {
        return new TrainingTask(id, "seattle-weather", null, null, "gru", List.of(4), 5, 1, 1, 0.01, seed);
    }

    private static List<TrainingTask> plan(Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "close\n1\n2\n3\n");
        return List.of(weather("a", 1), weather("b", 2),
                new TrainingTask("bad-column", null, csv.toString(), "price", "lstm", List.of(4), 5, 1, 1, 0.01, 1),
                new TrainingTask("too-short", null, csv.toString(), "close", "rnn", List.of(4), 5, 1, 1, 0.01, 1));
    }

    @Test
    void outcomesDoNotDependOnWorkersAndFailuresAreReported(@TempDir Path dir) throws Exception {
        int blas = org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads();
        List<TaskOutcome> two = new LocalRunner(2).run(plan(dir), dir.resolve("two.jsonl"), o -> { });
        assertEquals(blas, org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads(), "the BLAS threads are restored");
        List<TaskOutcome> one = new LocalRunner(1).run(plan(dir), null, o -> { });
        assertEquals(List.of("a", "b", "bad-column", "too-short"), two.stream().map(TaskOutcome::id).toList());
        for (int i = 0; i < 2; i++) {
            assertTrue(two.get(i).ok(), two.get(i).toString());
            assertEquals("accuracy", two.get(i).metric());
            assertTrue(two.get(i).validationLoss() > 0 && Double.isFinite(two.get(i).validationLoss()), two.get(i).toString());
            assertEquals(one.get(i).model(), two.get(i).model(), 0, "task " + two.get(i).id());
            assertEquals(one.get(i).baselines(), two.get(i).baselines());
            assertTrue(two.get(i).baselines().containsKey("persistence"), two.get(i).baselines().toString());
        }
        assertFalse(two.get(2).ok());
        assertTrue(two.get(2).error().contains("price"), two.get(2).error());
        assertFalse(two.get(3).ok());
        Map<String, TaskOutcome> saved = ResultsFile.read(dir.resolve("two.jsonl"));
        assertEquals(4, saved.size());
        assertEquals(two.get(0).model(), saved.get("a").model(), 0);
        assertEquals(two.get(2).error(), saved.get("bad-column").error());
    }

    @Test
    void aResumedPlanSkipsFinishedTasks(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("r.jsonl");
        TaskOutcome marked = new TaskOutcome("a", null, "accuracy", 0.123, Map.of("persistence", 0.5), Map.of("persistence", 0.9),
                1, 0.4, 0.1);
        Files.writeString(results, marked.json() + "\n");
        List<String> ran = new ArrayList<>();
        List<TaskOutcome> out = new LocalRunner(2).run(plan(dir), results, o -> ran.add(o.id()));
        assertFalse(ran.contains("a"), "finished tasks are not run again: " + ran);
        assertEquals(3, ran.size());
        assertEquals(0.123, out.get(0).model(), 0);
        assertEquals(4, ResultsFile.read(results).size());
        Files.writeString(results, "not json\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalRunner(1).run(plan(dir), results,
                o -> { }));
        assertTrue(e.getMessage().contains("line 1: not a task outcome"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LocalRunner(1).run(List.of(weather("x", 1), weather("x", 2)),
                null, o -> { }));
    }

    @Test
    void tasksAndOutcomesSurviveJavaSerialisationAsAnExecutorNeeds() throws Exception {
        TrainingTask t = weather("s", 3);
        TaskOutcome o = new TaskOutcome("s", null, "RMSE", 1.5, new java.util.LinkedHashMap<>(Map.of("naive last value", 1.4)),
                Map.of("naive last value", 0.3), 4, 0.02, 2.5);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(t);
            out.writeObject(o);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(t, in.readObject());
            assertEquals(o, in.readObject());
        }
        assertEquals(o, TaskOutcome.parse(o.json()));
        assertFalse(o.beatsAllBaselines(), "an RMSE above naive's does not beat it");
    }
}
