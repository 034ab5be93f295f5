package io.github.rnnkit.apps.train;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.apps.cli.RnnkitCli;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.output.StagedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train} killed with SIGKILL in the middle of its run, then {@code train --resume}: the
 * model and its history equal those of the same command run without interruption.
 */
class TrainResumeTest {
    @TempDir
    Path dir;

    private static final String[] ARGS = {"train", "--sample", "seattle-weather", "--cell", "gru", "--hidden", "8",
            "--epochs", "8", "--patience", "0", "--dropout", "0.1"};

    private static String[] with(String... more) {
        List<String> a = new ArrayList<>(List.of(ARGS));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void aKilledRunResumesToTheSameModel() throws Exception {
        Path whole = dir.resolve("whole");
        CliRun uninterrupted = CliRun.of(with("--out", whole.toString()));
        assertEquals(0, uninterrupted.status(), uninterrupted.err());

        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.add("--add-modules");   // the same SIMD gate loops as this JVM, so the same float arithmetic
            cmd.add("jdk.incubator.vector");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RnnkitCli.class.getName()));
        cmd.addAll(List.of(with("--out", killed.toString())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            Path state = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && p.isAlive()) {
                Path staging = StagedFolder.unfinished(killed);
                if (staging != null && Files.exists(staging.resolve("checkpoints/state.json"))
                        && Files.readString(staging.resolve("checkpoints/state.json")).contains("\"epoch\":3")) {
                    state = staging;
                    break;
                }
                Thread.sleep(5);
            }
            assertNotNull(state, "the run reached epoch 3: " + Files.readString(dir.resolve("log.txt")));
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // SIGKILL, in epoch 4
        }
        assertFalse(Files.exists(killed), "nothing in place before the run completes");

        CliRun resumed = CliRun.of("train", "--resume", killed.toString());
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(ModelBundle.load(whole.resolve("model")).network().params(),
                ModelBundle.load(killed.resolve("model")).network().params());
        assertEquals(column(whole, 2), column(killed, 2), "the same validation loss in every epoch");
        assertTrue(Files.readString(killed.resolve("report.md")).contains("GRU"));
    }

    private static List<String> column(Path run, int c) throws Exception {
        return Files.readAllLines(run.resolve("history.csv")).stream().map(l -> l.split(",")[c]).toList();
    }
}
