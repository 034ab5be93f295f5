package io.github.rnnkit.apps.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's blocks that decide what other users and other processes meet (issue 14, items
 * 8 and 12), each run alone with bash: the snapshot folder other users run from, and the memory
 * limits sized from the machine.
 */
class LauncherScriptTest {
    @TempDir
    Path dir;

    private static String block(String name) throws IOException {
        String script = Files.readString(Path.of("..", "rnnkit"));
        int from = script.indexOf("# >>> " + name);
        int to = script.indexOf("# <<< " + name);
        assertTrue(from >= 0 && to > from, "the launcher marks its '" + name + "' block");
        return script.substring(from, to);
    }

    private static String bash(Path cwd, String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-euc", script).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void theSnapshotFolderIsReadableByOtherUsers() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("rnn-apps/target/lib"));
        Files.writeString(dir.resolve("rnn-apps/target/rnnkit-apps.jar"), "jar");
        Files.writeString(lib.resolve("rnn-core.jar"), "ours");
        Files.writeString(lib.resolve("nd4j.jar"), "theirs");
        bash(dir, "root=\"$PWD\"; jar=\"$root/rnn-apps/target/rnnkit-apps.jar\"\n" + block("snapshot"));
        try (Stream<Path> s = Files.list(dir.resolve("rnn-apps/target/launch"))) {
            Path snap = s.findFirst().orElseThrow();
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(snap)),
                    "mktemp -d makes 0700, which other users of the checkout cannot enter");
            assertEquals("jar", Files.readString(snap.resolve("rnnkit-apps.jar")));
            assertTrue(Files.isSymbolicLink(snap.resolve("lib/nd4j.jar")) && !Files.isSymbolicLink(snap.resolve("lib/rnn-core.jar")));
        }
    }

    @Test
    void memoryLimitsStayWithinThreeQuartersOfTheMachine() throws Exception {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal:       25165824 kB\nMemFree: 1 kB\n");
        String out = bash(dir, "RNNKIT_MEMINFO=" + meminfo + "\n" + block("memory limits")
                + "echo \"$heap_mb $direct_mb $javacpp_mb\"\n").strip();
        String[] mb = out.split(" ");
        long heap = Long.parseLong(mb[0]);
        long direct = Long.parseLong(mb[1]);
        long javacpp = Long.parseLong(mb[2]);
        assertEquals("3686 8847 5899", out, "24 GB: heap 3.6 GB, direct 8.6 GB, JavaCPP 5.8 GB");
        assertTrue(heap + direct + javacpp <= 24L * 1024 * 3 / 4);
    }
}
