package io.github.rnnkit.apps.memory;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.spec.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit memory}: the sweep, the thresholds and the longest lag solved. */
class MemoryAppTest {
    @Test
    void quickRunSweepsEveryTaskCellAndLag(@TempDir Path dir) throws Exception {
        MemoryOptions o = MemoryOptions.quick(dir.resolve("m"));
        MemoryResult r = MemoryApp.run(o, run -> { });
        assertEquals(2 * 3 * 2, r.runs().size());
        for (MemoryRun run : r.runs()) {
            assertTrue(run.testError() >= 0 && Double.isFinite(run.testError()));
            assertTrue(run.updates() == 8 || run.updates() == 2 * 8, "256 sequences in minibatches of 32, at most 2 epochs");
            assertEquals(run.testError() < run.task().threshold(), run.solved());
        }
        for (MemoryTask t : o.tasks()) {
            for (CellType c : o.cells()) {
                int longest = r.longestSolved(t, c);
                assertTrue(longest == 0 || r.runs().stream().anyMatch(x -> x.task() == t && x.cell() == c && x.lag() == longest
                        && x.solved()));
            }
        }
        for (String name : List.of("report.md", "runs.csv", "memory-adding.png", "memory-adding.csv", "memory-recall.png")) {
            assertTrue(Files.isRegularFile(r.dir().resolve(name)), name);
        }
        String report = Files.readString(r.report());
        assertTrue(report.contains("## Longest lag solved") && report.contains("Against the literature"));
        assertTrue(report.contains("This is a short run") && report.contains("lower bound on a coarse grid")
                && report.contains("74,000 training sequences"), report);
    }

    private static MemoryRun run(MemoryTask task, CellType cell, int lag, double error) {
        return new MemoryRun(task, cell, lag, 1, error, 630, 1.0);
    }

    @Test
    void agreementWithTheLiteratureNeedsSomethingSolved() {
        MemoryOptions o = new MemoryOptions(List.of(MemoryTask.ADDING), List.of(CellType.values()), List.of(5, 10), List.of(1L),
                32, 256, 100, 2, 0.01, false, null, null);
        // nothing solved: no verdict at all, not "agrees"
        MemoryResult none = new MemoryResult(null, null, List.of(), List.of(run(MemoryTask.ADDING, CellType.SIMPLE_RNN, 5, 0.1),
                run(MemoryTask.ADDING, CellType.LSTM, 5, 0.1), run(MemoryTask.ADDING, CellType.GRU, 5, 0.1)));
        assertEquals("On the adding problem no cell solved any lag tried, so this run says nothing about the pattern there.",
                MemoryReport.comparison(o, none));
        // the vanilla RNN ahead is said to go against the pattern
        MemoryResult vanilla = new MemoryResult(null, null, List.of(), List.of(run(MemoryTask.ADDING, CellType.SIMPLE_RNN, 10, 0.001),
                run(MemoryTask.ADDING, CellType.LSTM, 5, 0.001), run(MemoryTask.ADDING, CellType.GRU, 5, 0.5)));
        assertTrue(MemoryReport.comparison(o, vanilla).endsWith("the vanilla RNN reaches further here, against the literature's "
                + "pattern."), MemoryReport.comparison(o, vanilla));
        MemoryResult gated = new MemoryResult(null, null, List.of(), List.of(run(MemoryTask.ADDING, CellType.SIMPLE_RNN, 5, 0.001),
                run(MemoryTask.ADDING, CellType.LSTM, 10, 0.001), run(MemoryTask.ADDING, CellType.GRU, 10, 0.001)));
        assertEquals("On the adding problem the vanilla RNN's longest solved lag is 5; the LSTM's 10 (further), the GRU's 10 "
                + "(further): every gated cell reaches further, as in the literature.", MemoryReport.comparison(o, gated));
        // one gated cell as far as the vanilla RNN: the pattern is not claimed for both
        MemoryResult mixed = new MemoryResult(null, null, List.of(), List.of(run(MemoryTask.ADDING, CellType.SIMPLE_RNN, 10, 0.001),
                run(MemoryTask.ADDING, CellType.LSTM, 10, 0.001), run(MemoryTask.ADDING, CellType.GRU, 5, 0.001),
                run(MemoryTask.ADDING, CellType.GRU, 10, 0.001), run(MemoryTask.ADDING, CellType.LSTM, 5, 0.001)));
        assertTrue(MemoryReport.comparison(o, mixed).contains("the LSTM's 10 (as far), the GRU's 10 (as far): neither kind"),
                MemoryReport.comparison(o, mixed));
        assertTrue(MemoryReport.quick(o) && !MemoryReport.quick(MemoryOptions.defaults(null)));
    }

    @Test
    void longerLagsAreSkippedOnceNoSeedSolvedAShorterOne() {
        List<MemoryRun> runs = List.of(new MemoryRun(MemoryTask.RECALL, CellType.GRU, 20, 1, 0.0, 100, 1),
                new MemoryRun(MemoryTask.RECALL, CellType.GRU, 50, 1, 0.7, 100, 1),
                new MemoryRun(MemoryTask.RECALL, CellType.GRU, 50, 2, 0.6, 100, 1));
        assertTrue(MemoryApp.failedBefore(runs, new MemoryProgress.Planned(MemoryTask.RECALL, CellType.GRU, 100, 1), 2));
        assertFalse(MemoryApp.failedBefore(runs, new MemoryProgress.Planned(MemoryTask.RECALL, CellType.GRU, 50, 2), 2),
                "the same lag's other seed still runs");
        assertFalse(MemoryApp.failedBefore(runs, new MemoryProgress.Planned(MemoryTask.RECALL, CellType.GRU, 100, 1), 3),
                "a seed of lag 50 has not run yet");
        assertFalse(MemoryApp.failedBefore(runs, new MemoryProgress.Planned(MemoryTask.RECALL, CellType.LSTM, 100, 1), 2));
        assertFalse(MemoryApp.failedBefore(runs, new MemoryProgress.Planned(MemoryTask.ADDING, CellType.GRU, 100, 1), 2));
    }

    @Test
    void timeLeftIsEachCellsMeasuredRateTimesTheRemainingBudgets() {
        MemoryOptions o = new MemoryOptions(List.of(MemoryTask.ADDING), List.of(CellType.LSTM, CellType.GRU), List.of(10, 20),
                List.of(1L), 8, 320, 100, 3, null, false, null, null);
        assertEquals(30, o.maxUpdates(MemoryTask.ADDING), "3 epochs of 10 minibatches");
        // the LSTM made 30 updates of 10 steps in 6 s: 0.02 s per update-step
        List<MemoryRun> done = List.of(new MemoryRun(MemoryTask.ADDING, CellType.LSTM, 10, 1, 0.5, 30, 6.0));
        MemoryProgress p = MemoryProgress.of(o, done, List.of(new MemoryProgress.Planned(MemoryTask.ADDING, CellType.LSTM, 20, 1)),
                1, 4, 6.0);
        assertEquals(0.02 * 30 * 20, p.secondsLeftAtMost(), 1e-9);
        assertEquals("[1/4, 6 s so far, at most ~12 s left if no run stops early]", p.line());
        MemoryProgress unknown = MemoryProgress.of(o, done, List.of(new MemoryProgress.Planned(MemoryTask.ADDING, CellType.GRU, 10,
                1)), 2, 4, 6.0);
        assertEquals(0.02 * 30 * 10, unknown.secondsLeftAtMost(), 1e-9, "the GRU timed as the LSTM until it runs");
        assertEquals("[2/4, 6 s so far, at most ~6 s left if no run stops early (cells not run yet timed as the slowest so far)]",
                unknown.line());
        assertEquals(List.of(10, 20, 50), new MemoryOptions(List.of(MemoryTask.ADDING), List.of(CellType.GRU), List.of(50, 10, 20, 10),
                List.of(1L), 8, 320, 100, 3, null, false, null, null).lags(), "lags run shortest first");
    }

    @Test
    void aKilledSweepResumesWithoutRepeatingFinishedRunsAndEndsAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        MemoryOptions base = new MemoryOptions(List.of(MemoryTask.ADDING), List.of(CellType.SIMPLE_RNN, CellType.GRU), List.of(5, 10),
                List.of(1L), 8, 64, 20, 1, null, true, dir.resolve("whole"), null);
        MemoryResult whole = MemoryApp.run(base, p -> { });
        Path out = dir.resolve("killed");
        MemoryOptions o = new MemoryOptions(base.tasks(), base.cells(), base.lags(), base.seeds(), 8, 64, 20, 1, null, true, out, null);
        int[] calls = {0};
        // the process dies after its second run: the progress written so far must survive
        assertThrows(IllegalStateException.class, () -> MemoryApp.run(o, p -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("killed");
            }
        }));
        assertFalse(Files.exists(out), "nothing is committed");
        CliRun again = CliRun.of("memory", "--tasks", "adding", "--cells", "rnn,gru", "--lags", "5,10", "--seeds", "1",
                "--out", out.toString());
        assertEquals(2, again.status());
        assertTrue(again.err().contains("has an unfinished run") && again.err().contains("--resume continues it"), again.err());
        MemoryOptions other = new MemoryOptions(o.tasks(), o.cells(), List.of(5, 20), o.seeds(), 8, 64, 20, 1, null, true, out,
                WriteMode.RESUME);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryApp.run(other, p -> { }));
        assertTrue(e.getMessage().contains("was started with tasks adding; cells rnn,gru; lags 5,10;"), e.getMessage());
        List<MemoryRun> resumedRuns = new ArrayList<>();
        MemoryResult resumed = MemoryApp.run(new MemoryOptions(o.tasks(), o.cells(), o.lags(), o.seeds(), 8, 64, 20, 1, null, true,
                out, WriteMode.RESUME), p -> resumedRuns.add(p.last()));
        assertEquals(2, resumedRuns.size(), "the two runs finished before the kill are not repeated");
        assertEquals(whole.runs().stream().map(MemoryRun::testError).toList(), resumed.runs().stream().map(MemoryRun::testError).toList());
        assertEquals(Files.readString(whole.dir().resolve("report.md")), Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(out.resolve(MemoryApp.PROGRESS)), "progress files are dropped once the run is complete");
    }

    @Test
    void thresholdsAndChanceLevelsAreTheStatedOnes() {
        assertEquals(0.01, MemoryTask.ADDING.threshold());
        assertEquals(1.0 / 6, MemoryTask.ADDING.chance(), 1e-12);
        assertEquals(0.75, MemoryTask.RECALL.chance(), 1e-12);
        var recall = MemoryTask.RECALL.generate(5, 7, 3);
        for (var s : recall.samples()) {
            assertEquals(MemoryTask.RECALL_PREFIX + 1 + 7, s.length());
            int marked = 0;
            while (s.features()[marked][MemoryTask.ALPHABET] == 0) {
                marked++;
            }
            assertEquals(s.length() - 1 - 7, marked, "the marked symbol is 7 steps before the last");
            assertEquals(1.0, s.features()[marked][(int) s.targets()[0][0]], "the target is the marked symbol");
        }
        assertEquals(20, MemoryTask.ADDING.generate(3, 20, 1).get(0).length());
    }

    @Test
    void commandRejectsUnknownTasksAndBadLags() {
        CliRun bad = CliRun.of("memory", "--tasks", "adding,tetris");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown task 'tetris'"), bad.err());
        CliRun lags = CliRun.of("memory", "--lags", "5,,10");
        assertEquals(2, lags.status());
        assertTrue(lags.err().contains("--lags '5,,10' has an empty entry"), lags.err());
        CliRun resume = CliRun.of("memory", "--resume");
        assertEquals(2, resume.status());
        assertTrue(resume.err().contains("--resume needs --out DIR"), resume.err());
        CliRun both = CliRun.of("memory", "--resume", "--force", "--out", "x");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("give one of them"), both.err());
    }
}
