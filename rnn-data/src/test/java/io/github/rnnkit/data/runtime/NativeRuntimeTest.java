package io.github.rnnkit.data.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * libgomp itself says what it read: with {@code OMP_DISPLAY_ENV=verbose} it prints its settings
 * when it loads, and a passive wait policy shows as a spin count of 0 (the default is 300000).
 * Each case runs in a fresh JVM without {@code OMP_WAIT_POLICY} in its environment, as a user's
 * own program runs.
 */
@EnabledOnOs(OS.LINUX)
class NativeRuntimeTest {

    /** The child JVM: configures the runtime when asked, then loads ND4J. */
    public static final class Child {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("configure")) {
                System.out.println(NativeRuntime.configure());
            }
            Nd4j.create(2).addi(1);
            if (args.length > 0 && args[0].equals("late")) {
                System.out.println(NativeRuntime.configure());
            }
        }
    }

    private static String run(String mode) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                Child.class.getName(), mode));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("OMP_WAIT_POLICY");
        pb.environment().put("OMP_DISPLAY_ENV", "verbose");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void libgompRunsPassiveWhenRnnkitConfiguresItBeforeNd4jLoads() throws Exception {
        String out = run("configure");
        assertTrue(out.contains("Status[ompWaitPolicy=PASSIVE, setByRnnkit=true"), out);
        assertTrue(out.contains("GOMP_SPINCOUNT = '0'"), out);
    }

    @Test
    void withoutItLibgompSpins() throws Exception {
        String out = run("none");
        assertTrue(out.contains("GOMP_SPINCOUNT = '300000'"), out);
    }

    @Test
    void tooLateIsReportedNotHidden() throws Exception {
        String out = run("late");
        assertTrue(out.contains("ompWaitPolicy=default, setByRnnkit=false, note=ND4J's native libraries were loaded"
                + " before rnnkit could set OMP_WAIT_POLICY=PASSIVE"), out);
    }
}
