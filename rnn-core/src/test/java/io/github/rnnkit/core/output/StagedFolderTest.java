package io.github.rnnkit.core.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagedFolderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty path               | empty      | NEW     | --out is empty: give a folder name",
            "inside a model bundle    | inbundle   | NEW     | is inside the model bundle",
            "inside a run             | inrun      | REPLACE | is inside the run folder",
            "a model bundle itself    | bundle     | REPLACE | is a model bundle, not a run folder",
            "other files, even forced | other      | REPLACE | holds other files, not an rnnkit run",
            "a finished run           | run        | NEW     | already holds a run: give --force to replace it",
            "an unfinished run        | unfinished | NEW     | has an unfinished run (.out.partial): --resume continues it",
            "nothing to resume        | run        | RESUME  | has no unfinished run to resume (the run there is finished)",
            "a file                   | file       | REPLACE | is a file, not a folder",
    })
    void refusedOutputFolders(String what, String setup, WriteMode mode, String says) throws Exception {
        Path out = dir.resolve("out");
        switch (setup) {
            case "empty" -> out = Path.of("");
            case "inbundle" -> {
                Files.createDirectories(dir.resolve("model"));
                Files.writeString(dir.resolve("model/manifest.json"), "{}");
                out = dir.resolve("model/inner");
            }
            case "inrun", "run" -> {
                commitRun(out, "report.md", "a");
                out = setup.equals("inrun") ? out.resolve("nested") : out;
            }
            case "bundle" -> {
                Files.createDirectories(out);
                Files.writeString(out.resolve("spec.json"), "{}");
                Files.writeString(out.resolve("network.zip"), "");
            }
            case "other" -> {
                Files.createDirectories(out);
                Files.writeString(out.resolve("thesis.tex"), "precious");
            }
            case "unfinished" -> StagedFolder.open(out, WriteMode.NEW, "--out").close();
            case "file" -> Files.writeString(out, "x");
            default -> throw new IllegalArgumentException(setup);
        }
        Path target = out;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StagedFolder.open(target, mode, "--out"));
        assertTrue(e.getMessage().contains(says), what + ": " + e.getMessage());
        if (setup.equals("other")) {
            assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
        }
        // refusing released the lock
        assertTrue(setup.equals("empty") || Files.notExists(FolderLock.lockFile(out)) || Files.size(FolderLock.lockFile(out)) == 0);
    }

    private static void commitRun(Path out, String file, String text) throws Exception {
        try (StagedFolder f = StagedFolder.open(out, WriteMode.REPLACE, "--out")) {
            Files.writeString(f.dir().resolve(file), text);
            f.commit();
        }
    }

    @Test
    void anUnfinishedRunResumesAndCommitsInPlace() throws Exception {
        Path out = dir.resolve("out");
        StagedFolder first = StagedFolder.open(out, WriteMode.NEW, "--out");
        Files.writeString(first.dir().resolve("checkpoint"), "epoch 3");
        first.close();   // as if killed: the staging folder stays
        assertFalse(Files.exists(out));
        assertEquals(first.dir(), StagedFolder.unfinished(out));
        try (StagedFolder again = StagedFolder.open(out, WriteMode.RESUME, "--out")) {
            assertTrue(again.resumed());
            assertEquals("epoch 3", Files.readString(again.dir().resolve("checkpoint")));
            again.commit();
        }
        assertEquals("epoch 3", Files.readString(out.resolve("checkpoint")));
        assertEquals(null, StagedFolder.unfinished(out));
    }

    @Test
    void aSecondWriterInTheSameProcessIsRefused() {
        Path out = dir.resolve("out");
        try (StagedFolder first = StagedFolder.open(out, WriteMode.NEW, "--out")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> StagedFolder.open(out, WriteMode.REPLACE, "--out"));
            assertTrue(e.getMessage().startsWith(out + " is being written by this process (process "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    /** Two processes: the second is refused while the first lives, named by its process id; accepted once it is killed. */
    @Test
    void aSecondWriterProcessIsRefusedUntilTheFirstDies() throws Exception {
        Path out = dir.resolve("out");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            String line;
            while ((line = r.readLine()) != null && !line.equals("locked")) {
                // skip the JVM's own output
            }
            assertEquals("locked", line);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> StagedFolder.open(out, WriteMode.REPLACE, "--out"));
            assertTrue(e.getMessage().contains("is being written by process " + holder.pid() + " since "), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (StagedFolder f = StagedFolder.open(out, WriteMode.REPLACE, "--out")) {
            assertFalse(f.resumed());   // a killed writer's lock dies with it; --force starts over
        }
    }
}
