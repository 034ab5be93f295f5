package io.github.rnnkit.apps.sweep;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.ResultsFile;
import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.TrainingTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit sweep} on threads: the report, the winner tested once, a killed sweep resumed, bad options named. */
class SweepAppTest {
    /** 2 configurations × 1 seed × 2 folds, one epoch each: a few seconds. */
    static SweepGrid tiny(String csvOrNull, String column) {
        TrainingTask base = new TrainingTask("base", csvOrNull == null ? "seattle-weather" : null, csvOrNull, column, "gru", List.of(4),
                5, 1, 1, 0.01, 1);
        return new SweepGrid(base, List.of("rnn", "gru"), List.of(List.of(4)), List.of(5), List.of(0.01), List.of("none"),
                List.of("none"), List.of(1L), 2);
    }

    @Test
    void aSweepRanksOnValidationTestsTheWinnerOnceAndResumesAfterAKill(@TempDir Path dir) throws Exception {
        SweepResult whole = SweepApp.run(new SweepOptions(tiny(null, null), "threads", 2, dir.resolve("whole"), WriteMode.NEW), l -> { });
        assertEquals(2, whole.ranked().size());
        assertEquals(List.of(whole.ranked().get(0).configuration() + "/test/seed-1"), whole.finals().stream().map(TaskOutcome::id).toList());
        String report = Files.readString(whole.report());
        assertTrue(report.contains("2 configurations × 1 seeds × 2 walk-forward folds = 4 training tasks (0 failed)"), report);
        assertTrue(report.contains("Verdict: the winner beats every baseline significantly (p < 0.05) on"), report);
        assertEquals(5, ResultsFile.read(whole.dir().resolve(SweepApp.RESULTS)).size(), "4 fold tasks and the winner's test task");
        assertTrue(Files.isRegularFile(whole.dir().resolve("grid.png")) && Files.isRegularFile(whole.dir().resolve("test.csv")));
        ModelBundle.load(whole.model());

        Path out = dir.resolve("killed");
        int[] lines = {0};
        assertThrows(IllegalStateException.class, () -> SweepApp.run(new SweepOptions(tiny(null, null), "threads", 1, out,
                WriteMode.NEW), l -> {
            if (l.startsWith("  ") && ++lines[0] == 2) {
                throw new IllegalStateException("killed");
            }
        }));
        assertFalse(Files.exists(out), "nothing is committed");
        SweepGrid other = new SweepGrid(tiny(null, null).base(), List.of("lstm"), List.of(List.of(4)), List.of(5), List.of(0.01),
                List.of("none"), List.of("none"), List.of(1L), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepApp.run(new SweepOptions(other, "threads", 1,
                out, WriteMode.RESUME), l -> { }));
        assertTrue(e.getMessage().contains("was started with other options"), e.getMessage());
        List<String> ran = new ArrayList<>();
        SweepResult resumed = SweepApp.run(new SweepOptions(tiny(null, null), "threads", 1, out, WriteMode.RESUME), ran::add);
        assertEquals(2 + 1, ran.stream().filter(l -> l.startsWith("  ")).count(), "two fold tasks and the test task: the two before "
                + "the kill are not repeated");
        assertEquals(whole.ranked().stream().map(s -> s.configuration() + " " + s.validation()).toList(),
                resumed.ranked().stream().map(s -> s.configuration() + " " + s.validation()).toList());
        assertEquals(whole.finals().get(0).model(), resumed.finals().get(0).model(), 0);
        assertFalse(Files.exists(out.resolve(SweepApp.OPTIONS)));
    }

    @Test
    void aTaskThatFailsIsReportedAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        // a random walk of 400 prices; Adam's step 1e9 makes this GRU's loss NaN in its first epoch (a diverging configuration)
        StringBuilder prices = new StringBuilder("close\n");
        java.util.Random rnd = new java.util.Random(1);
        double p = 100;
        for (int i = 0; i < 400; i++) {
            p *= Math.exp(0.02 * rnd.nextGaussian());
            prices.append(p).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("prices.csv"), prices);
        TrainingTask base = new TrainingTask("base", null, csv.toString(), "close", "gru", List.of(4), 5, 3, 1, 0.01, 1);
        SweepGrid grid = new SweepGrid(base, List.of("gru"), List.of(List.of(4)), List.of(5), List.of(0.01, 1e9), List.of("none"),
                List.of("none"), List.of(1L), 0);
        SweepResult r = SweepApp.run(new SweepOptions(grid, "threads", 2, dir.resolve("f"), WriteMode.NEW), l -> { });
        String report = Files.readString(r.report());
        assertEquals("gru h4 lb5 lr0.01", r.ranked().get(0).configuration(), "the failing configuration ranks last");
        assertEquals(1, r.ranked().get(1).failures());
        assertTrue(report.contains("## Failed tasks") && report.contains("lr1.0E9/seed-1: training diverged"), report);
        assertTrue(r.finals().get(0).ok() && r.finals().get(0).metric().startsWith("RMSE"), r.finals().toString());
    }

    @Test
    void badOptionsStopBeforeAnyTrainingNamingTheOption(@TempDir Path dir) throws Exception {
        CliRun folds = CliRun.of("sweep", "--folds", "9", "--spark", "threads", "--out", dir.resolve("a").toString());
        assertEquals(2, folds.status());
        assertTrue(folds.err().contains("--folds: 9 walk-forward folds"), folds.err());
        CliRun clip = CliRun.of("sweep", "--clipping", "none,sideways", "--out", dir.resolve("b").toString());
        assertEquals(2, clip.status());
        assertTrue(clip.err().contains("--clipping: ") && clip.err().contains("sideways"), clip.err());
        CliRun rate = CliRun.of("sweep", "--learning-rates", "0.01,-1", "--out", dir.resolve("c").toString());
        assertEquals(2, rate.status());
        assertTrue(rate.err().contains("--learning-rates"), rate.err());
        CliRun column = CliRun.of("sweep", "--csv", "x.csv", "--out", dir.resolve("d").toString());
        assertEquals(2, column.status());
        assertTrue(column.err().contains("--csv needs --column"), column.err());
        Path csv = Files.writeString(dir.resolve("p.csv"), "close\n1\n2\n");
        CliRun missing = CliRun.of("sweep", "--csv", csv.toString(), "--column", "open", "--out", dir.resolve("e").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("open"), missing.err());
        CliRun spark = CliRun.of("sweep", "--spark", "spark://127.0.0.1:1", "--out", dir.resolve("f").toString());
        assertEquals(2, spark.status(), "without rnn-spark on the class path");
        assertTrue(spark.err().contains("rnn-spark"), spark.err());
        assertFalse(Files.exists(dir.resolve("f")));
        CliRun train = CliRun.of("train", "--spark", "local[2]", "--sample", "seattle-weather", "--cell", "gru", "--out",
                dir.resolve("g").toString());
        assertEquals(2, train.status(), "train --spark without rnn-spark on the class path");
        assertTrue(train.err().contains("rnn-spark"), train.err());
        CliRun workers = CliRun.of("train", "--workers", "2", "--sample", "seattle-weather", "--cell", "gru", "--out",
                dir.resolve("h").toString());
        assertEquals(2, workers.status());
        assertTrue(workers.err().contains("--workers goes with --spark"), workers.err());
    }
}
