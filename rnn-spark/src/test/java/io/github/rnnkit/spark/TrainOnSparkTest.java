package io.github.rnnkit.spark;

import io.github.rnnkit.apps.cli.RnnkitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit train --spark local[2]}: the command line finds Spark's data-parallel trainer and reports the three runs. */
class TrainOnSparkTest {
    @Test
    void trainOnSparkComparesWithThisProcess(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RnnkitCli());
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("train", "--spark", "local[2]", "--workers", "2", "--sample", "seattle-weather", "--cell", "gru",
                "--hidden", "4", "--epochs", "1", "--out", dir.resolve("t").toString());
        assertEquals(0, status, out.toString());
        String report = Files.readString(dir.resolve("t/report.md"));
        assertTrue(report.contains("| this process, one minibatch after another |") && report.contains("run 2 |"), report);
        assertTrue(report.contains("- Determinism: the two data-parallel runs"), report);
        assertTrue(Files.isRegularFile(dir.resolve("t/model/network.zip")));
    }
}
