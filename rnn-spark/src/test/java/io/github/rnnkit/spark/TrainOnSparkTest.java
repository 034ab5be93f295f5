package io.github.rnnkit.spark;

import io.github.rnnkit.apps.cli.RnnkitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit train --spark local[2]}: the command line finds Spark's data-parallel trainer and reports the three runs. */
class TrainOnSparkTest {
    // Gradient sharing is not run here end to end: it has hung in DL4J's ParallelWrapper (docs/SCALING-OUT.md);
    // DataParallelTrainingTest runs one epoch of it.
    @ParameterizedTest
    @CsvSource({"averaging, parameter averaging (every 5 minibatches)"})
    void trainOnSparkComparesWithThisProcess(String method, String described, @TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RnnkitCli());
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("train", "--spark", "local[2]", "--workers", "2", "--data-parallel", method, "--sample",
                "seattle-weather", "--cell", "gru", "--hidden", "4", "--epochs", "1", "--out", dir.resolve("t").toString());
        assertEquals(0, status, out.toString());
        String report = Files.readString(dir.resolve("t/report.md"));
        assertTrue(report.contains("| this process, one minibatch after another |") && report.contains("run 2 |"), report);
        assertTrue(report.contains("twice with " + described), report);
        assertTrue(report.contains("- Determinism: the two data-parallel runs"), report);
        assertTrue(Files.isRegularFile(dir.resolve("t/model/network.zip")));
    }

    @Test
    void dataParallelNeedsSparkAndAKnownMethod(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = RnnkitCli.commandLine().setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("train", "--data-parallel", "averaging", "--sample", "seattle-weather", "--cell",
                "gru", "--out", dir.resolve("a").toString()));
        assertTrue(err.toString().contains("--data-parallel goes with --spark"), err.toString());
        assertEquals(2, cli.execute("train", "--spark", "local[2]", "--data-parallel", "ring", "--sample",
                "seattle-weather", "--cell", "gru", "--out", dir.resolve("b").toString()));
        assertTrue(err.toString().contains("'ring' is not a data-parallel method: averaging or gradient-sharing"), err.toString());
    }
}
