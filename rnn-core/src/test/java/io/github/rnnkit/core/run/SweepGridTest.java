package io.github.rnnkit.core.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep's grid of tasks and the choice of its best configuration on validation, by hand. */
class SweepGridTest {
    private static final TrainingTask BASE = new TrainingTask("base", "seattle-weather", null, null, "gru", List.of(8), 5, 2, 1,
            0.01, 1);

    @Test
    void theGridHasOneTaskPerConfigurationAndSeed() {
        SweepGrid g = new SweepGrid(BASE, List.of("gru", "lstm"), List.of(List.of(8), List.of(16, 16)), List.of(5, 10),
                List.of(0.01), List.of(1L, 2L, 3L));
        List<TrainingTask> tasks = g.tasks();
        assertEquals(2 * 2 * 2 * 3, tasks.size());
        assertEquals("gru h8 lb5 lr0.01/seed-1", tasks.get(0).id());
        assertEquals("lstm h16-16 lb10 lr0.01/seed-3", tasks.get(tasks.size() - 1).id());
        assertEquals(tasks.size(), tasks.stream().map(TrainingTask::id).distinct().count());
        assertEquals(3L, tasks.get(tasks.size() - 1).seed());
        assertTrue(tasks.stream().allMatch(t -> t.epochs() == 2 && "seattle-weather".equals(t.sample())));
    }

    @Test
    void foldsClippingAndTbpttMultiplyTheGridAndTheWinnerIsRetrainedOncePerSeed() {
        SweepGrid g = new SweepGrid(BASE, List.of("gru"), List.of(List.of(8)), List.of(5), List.of(0.01),
                List.of("none", "global-l2:1.0"), List.of("none", "3"), List.of(1L, 2L), 3);
        List<TrainingTask> tasks = g.tasks();
        assertEquals(2 * 2 * 2 * 3, tasks.size());
        assertEquals("gru h8 lb5 lr0.01/seed-1/fold-0", tasks.get(0).id());
        assertEquals("gru h8 lb5 lr0.01 clip global-l2:1.0 tbptt 3/seed-2/fold-2", tasks.get(tasks.size() - 1).id());
        assertTrue(tasks.stream().allMatch(t -> t.folds() == 3 && !t.keepModel()));
        SweepGrid.Scored best = new SweepGrid.Scored("gru h8 lb5 lr0.01 clip global-l2:1.0", 0.3, List.of());
        List<TrainingTask> finals = g.finalTasks(best);
        assertEquals(List.of("gru h8 lb5 lr0.01 clip global-l2:1.0/test/seed-1", "gru h8 lb5 lr0.01 clip global-l2:1.0/test/seed-2"),
                finals.stream().map(TrainingTask::id).toList());
        assertTrue(finals.stream().allMatch(t -> t.folds() == 0 && t.clipping().equals("global-l2:1.0") && t.tbptt().equals("none")));
        assertEquals(List.of(true, false), finals.stream().map(TrainingTask::keepModel).toList(), "the first seed's model is kept");
        assertThrows(IllegalArgumentException.class, () -> g.finalTasks(new SweepGrid.Scored("lstm h8", 0.3, List.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepGrid(BASE, List.of("gru"),
                List.of(List.of(8)), List.of(5), List.of(0.01), List.of("sideways:1"), List.of("none"), List.of(1L), 0).tasks());
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }

    private static TaskOutcome ok(String id, double validation) {
        return new TaskOutcome(id, null, "accuracy", 0.5, Map.of(), Map.of(), 1, validation, 1);
    }

    @Test
    void theBestConfigurationHasTheLowestMeanValidationLoss() {
        List<TaskOutcome> outcomes = List.of(ok("a/seed-1", 0.5), ok("a/seed-2", 0.7), ok("b/seed-1", 0.55), ok("b/seed-2", 0.6),
                TaskOutcome.failed("c/seed-1", "diverged", 1), ok("c/seed-2", 0.1), TaskOutcome.failed("d/seed-1", "bad data", 1));
        List<SweepGrid.Scored> ranked = SweepGrid.ranked(outcomes);
        // b: 0.575; a: 0.6; c failed on a seed, so its surviving 0.1 does not make it the winner; d: none ran
        assertEquals(List.of("b", "a", "c", "d"), ranked.stream().map(SweepGrid.Scored::configuration).toList());
        assertEquals(0.575, ranked.get(0).validation(), 1e-12);
        assertEquals(0.1, ranked.get(2).validation(), 1e-12);
        assertEquals(1, ranked.get(2).failures());
        assertEquals("b", SweepGrid.best(outcomes).configuration());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepGrid.best(List.of(TaskOutcome.failed("x/seed-1", "bad data", 1))));
        assertTrue(e.getMessage().contains("bad data"), e.getMessage());
    }
}
