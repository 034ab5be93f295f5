package io.github.rnnkit.apps.parallel;

import io.github.rnnkit.apps.memory.MemoryApp;
import io.github.rnnkit.apps.memory.MemoryTask;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ParameterMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit parallel}: every cell timed and trained, parameters matched, the report's verdicts. */
class ParallelAppTest {
    @Test
    void aSmallRunTimesAndTrainsEveryCellAtEveryDepth(@TempDir Path dir) throws Exception {
        MemoryApp.Budget tiny = new MemoryApp.Budget(64, 20, 1, 0.003);
        ParallelOptions o = new ParallelOptions(List.of(CellType.values()), List.of(5, 20), tiny,
                List.of(new ParallelOptions.TaskAtLag(MemoryTask.RECALL, 3), new ParallelOptions.TaskAtLag(MemoryTask.SELECTIVE_COPY, 12)),
                Map.of(MemoryTask.RECALL, tiny, MemoryTask.SELECTIVE_COPY, tiny), List.of(1, 2), 8, List.of(1L),
                dir.resolve("p"), false);
        ParallelApp.Result r = ParallelApp.run(o, line -> { });
        assertEquals(2 * 5, r.timing().size());
        assertEquals(2 * 2 * 5, r.accuracy().size());
        for (ParallelApp.AccuracyRun a : r.accuracy()) {
            long target = ParameterMatch.count(CellType.GRU, a.task().task().generate(1, a.task().lag(), 0).featureCount(), 8,
                    a.task().task().generate(1, a.task().lag(), 0).targetCount(), a.depth());
            assertEquals(a.depth(), a.run().hidden().length);
            assertTrue(Math.abs(a.run().params() - target) <= 0.15 * target, a + " has " + a.run().params() + " of " + target);
            assertEquals(2, a.run().run().updates(), "64 sequences, one epoch of 32");
        }
        for (String name : List.of("report.md", "timing.csv", "accuracy.csv", "time-per-epoch.png", "accuracy-recall.png",
                "accuracy-selective-copy.png")) {
            assertTrue(Files.isRegularFile(r.dir().resolve(name)), name);
        }
        String report = Files.readString(r.report());
        assertTrue(report.contains("## 1. Time per epoch against look-back") && report.contains("### Verdicts")
                && report.contains("one seed per run") && report.contains("From look-back 5 to 20"), report);
        assertTrue(report.contains("minGRU") && report.contains("delayed recall at lag 3, 2 layers:"), report);
    }
}
