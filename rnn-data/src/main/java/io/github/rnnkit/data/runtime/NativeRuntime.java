package io.github.rnnkit.data.runtime;

import com.sun.jna.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Settings of ND4J's native libraries that rnnkit applies from inside the library, once, before
 * ND4J loads them, so that a user's own JVM (an IDE run, {@code mvn exec:java}, a plain
 * {@code java -cp}) trains as fast as {@code ./rnnkit} without its environment and flags:
 * <ul>
 *   <li>{@code OMP_WAIT_POLICY=PASSIVE}: libgomp, the OpenMP runtime libnd4j is built with, reads
 *       it when it loads; under its default policy its idle threads spin on the cores OpenBLAS's
 *       threads need after every ND4J operation (on a 2-core machine, a training step of
 *       {@code rnnkit bench} configuration b took up to 1.8x as long: docs/BENCHMARKS.md). rnnkit
 *       sets it in the process environment (through JNA's {@code setenv}) unless it is set
 *       already;</li>
 *   <li>{@code org.bytedeco.javacpp.maxPhysicalBytes=0}: JavaCPP otherwise reads
 *       {@code /proc/self/statm} on every native allocation ND4J makes (8 % of a small training
 *       step); its {@code maxBytes} limit still bounds JavaCPP's own memory. Set unless the user
 *       set it.</li>
 * </ul>
 * rnnkit's entry points ({@code NetworkFactory}, model files and bundles, the iterators) call
 * {@link #configure()} first; a program that touches ND4J before any of them should call it
 * itself, first. Settings made after ND4J has loaded cannot take effect, and are then reported in
 * one warning. {@code -Drnnkit.native.defaults=false} leaves everything as the user set it.
 */
public final class NativeRuntime {
    /** System property that turns the defaults off when {@code false}. */
    public static final String DEFAULTS_PROPERTY = "rnnkit.native.defaults";
    private static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    private static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxPhysicalBytes";
    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static Status status;

    private NativeRuntime() {
    }

    /**
     * What the runtime holds after {@link #configure()}.
     *
     * @param ompWaitPolicy the OpenMP wait policy libnd4j runs with ("PASSIVE", a user's own
     *                      value, or "default" when it could not be set)
     * @param setByRnnkit   true when rnnkit set the wait policy itself
     * @param note          why the policy is not PASSIVE, or empty
     */
    public record Status(String ompWaitPolicy, boolean setByRnnkit, String note) {
    }

    /**
     * Applies the settings above the first time it is called; later calls return the same status.
     *
     * @return what took effect
     */
    public static synchronized Status configure() {
        if (status == null) {
            status = apply();
        }
        return status;
    }

    private static Status apply() {
        if ("false".equalsIgnoreCase(System.getProperty(DEFAULTS_PROPERTY))) {
            String own = System.getenv(WAIT_POLICY);
            return new Status(own == null ? "default" : own, false, "-D" + DEFAULTS_PROPERTY + "=false");
        }
        if (System.getProperty(MAX_PHYSICAL) == null && System.getProperty(MAX_PHYSICAL.toLowerCase(Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL, "0");
        }
        String own = System.getenv(WAIT_POLICY);
        if (own != null) {
            return new Status(own, false, "");
        }
        if (openMpLoaded()) {
            String note = "ND4J's native libraries were loaded before rnnkit could set " + WAIT_POLICY + "=PASSIVE; "
                    + "training on few cores may be up to 1.8x slower. Set it in the environment, or call "
                    + "NativeRuntime.configure() before using ND4J";
            LOG.warn(note);
            return new Status("default", false, note);
        }
        if (isWindows()) {
            return new Status("default", false, "not set on Windows; set " + WAIT_POLICY + "=PASSIVE in the environment");
        }
        try {
            // Function.getFunction and invokeInt have the same signatures in JNA 4 and 5.
            int rc = Function.getFunction("c", "setenv").invokeInt(new Object[]{WAIT_POLICY, "PASSIVE", 0});
            if (rc != 0) {
                return new Status("default", false, "setenv returned " + rc);
            }
            return new Status("PASSIVE", true, "");
        } catch (LinkageError | RuntimeException e) {
            String note = "could not set " + WAIT_POLICY + "=PASSIVE (" + e.getMessage() + "); set it in the environment";
            LOG.info(note);
            return new Status("default", false, note);
        }
    }

    /** @return true when an OpenMP runtime is already mapped into the process (Linux; false elsewhere) */
    private static boolean openMpLoaded() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return false;
        }
        try {
            return Files.readString(maps).contains("libgomp");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
