package io.github.rnnkit.core.run;

import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.spec.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A task on a walk-forward fold, with clipping and truncated BPTT, and a task that hands back its model. */
class TaskRunnerFoldTest {
    private static TrainingTask task(String id, String clipping, String tbptt, int folds, int fold, boolean keep) {
        return new TrainingTask(id, "seattle-weather", null, null, "gru", List.of(4), 6, 2, 1, 0.01, 3, clipping, tbptt, folds, fold,
                keep);
    }

    @Test
    void theLastFoldIsTheDefaultSplitsValidationAndEarlierFoldsDiffer() {
        TaskRunner.singleThreaded();
        TaskOutcome whole = TaskRunner.run(task("whole", "none", "none", 0, 0, false));
        TaskOutcome last = TaskRunner.run(task("last", "none", "none", 3, 2, false));
        TaskOutcome first = TaskRunner.run(task("first", "none", "none", 3, 0, false));
        assertTrue(whole.ok() && last.ok() && first.ok(), whole + " " + last + " " + first);
        // the same training data, seed and validation part: the same model and validation loss
        assertEquals(whole.validationLoss(), last.validationLoss(), 0);
        assertNotEquals(whole.model(), last.model(), "the whole task is scored on test, the fold on its validation block");
        assertNotEquals(last.validationLoss(), first.validationLoss());
        assertTrue(first.baselines().containsKey("Markov chain"), first.baselines().toString());
    }

    @Test
    void clippingAndTruncatedBpttReachTheNetworkAndBadOnesAreNamed() {
        TaskOutcome plain = TaskRunner.run(task("plain", "none", "none", 0, 0, false));
        TaskOutcome clipped = TaskRunner.run(task("clipped", "global-l2:0.01", "none", 0, 0, false));
        TaskOutcome truncated = TaskRunner.run(task("truncated", "none", "2", 0, 0, false));
        assertTrue(clipped.ok() && truncated.ok(), clipped + " " + truncated);
        assertNotEquals(plain.validationLoss(), clipped.validationLoss(), "a tiny clipping threshold changes training");
        assertNotEquals(plain.validationLoss(), truncated.validationLoss(), "two-step truncation changes training");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> task("x", "none", "two", 0, 0, false));
        assertTrue(e.getMessage().startsWith("task x: --tbptt"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> task("x", "none", "none", 3, 3, false));
    }

    @Test
    void aKeptModelTravelsAsBytesAndLoadsAsABundle(@TempDir Path dir) {
        TaskOutcome kept = TaskRunner.run(task("kept", "none", "none", 0, 0, true));
        assertNotNull(kept.bundle());
        assertNull(kept.withoutBundle().bundle());
        assertEquals(kept.withoutBundle().json(), kept.json(), "the results file never holds the bundle");
        kept.saveBundle(dir.resolve("model"));
        ModelBundle b = ModelBundle.load(dir.resolve("model"));
        assertEquals(CellType.GRU, b.spec().cell());
        assertThrows(IllegalArgumentException.class, () -> kept.saveBundle(dir.resolve("model")), "an existing folder is kept");
        assertThrows(IllegalStateException.class, () -> kept.withoutBundle().saveBundle(dir.resolve("other")));
    }
}
