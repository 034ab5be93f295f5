package io.github.rnnkit.apps.many;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.ResultsFile;
import io.github.rnnkit.core.run.SeriesSummary;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.TrainingTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit many-series}: the synthetic example end to end, per-series and global, and bad options named. */
class ManySeriesAppTest {
    static final TrainingTask MODEL = new TrainingTask("model", "unused", null, null, "gru", List.of(4), 10, 1, 1, 0.005, 1);

    @Test
    void theExampleRunsBothWaysAndReportsTheShortSeries(@TempDir Path dir) throws Exception {
        ManySeriesResult r = ManySeriesApp.run(new ManySeriesOptions(null, MODEL, true, true, "threads", 2, dir.resolve("m"),
                WriteMode.NEW), l -> { });
        assertEquals(9, r.perSeries().size());
        assertEquals(9, r.global().size());
        assertEquals(List.of("too-short"), r.perSeries().stream().filter(t -> !t.ok()).map(TaskOutcome::id).toList());
        assertEquals(1, SeriesSummary.of(r.global()).failed());
        String report = Files.readString(r.report());
        assertTrue(report.contains("- One model per series: better than every baseline on"), report);
        assertTrue(report.contains("- Global against per-series: the global model is better on"), report);
        assertTrue(report.contains("too-short: ") && report.contains("look-back 10"), report);
        assertEquals(9, ResultsFile.read(r.dir().resolve(ManySeriesApp.RESULTS)).size());
        assertTrue(Files.isRegularFile(r.dir().resolve("input.csv")) && Files.isRegularFile(r.dir().resolve("series.csv")));
    }

    @Test
    void badOptionsAreNamedBeforeAnyTraining(@TempDir Path dir) throws Exception {
        CliRun none = CliRun.of("many-series", "--out", dir.resolve("a").toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("--csv FILE"), none.err());
        Path csv = Files.writeString(dir.resolve("l.csv"), "date,ticker,close\n2020-01-01,A,1\n");
        CliRun column = CliRun.of("many-series", "--csv", csv.toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, column.status());
        assertTrue(column.err().contains("series") && column.err().contains("ticker"), column.err());
        CliRun mode = CliRun.of("many-series", "--quick", "--mode", "each", "--out", dir.resolve("c").toString());
        assertEquals(2, mode.status());
        assertTrue(mode.err().contains("--mode: per-series, global or both"), mode.err());
        CliRun spark = CliRun.of("many-series", "--quick", "--spark", "local[2]", "--out", dir.resolve("d").toString());
        assertEquals(2, spark.status(), "rnn-spark is not on rnn-apps' class path");
        assertTrue(spark.err().contains("rnn-spark"), spark.err());
        assertFalse(Files.exists(dir.resolve("d")));
    }
}
