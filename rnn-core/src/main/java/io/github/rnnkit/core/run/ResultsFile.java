package io.github.rnnkit.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan's results file: one {@link TaskOutcome} per line as JSON, replaced atomically (written
 * beside it, then renamed over it) each time an outcome arrives, so that a killed plan leaves every
 * finished outcome whole and a rerun can skip those tasks. Shared by every runner.
 */
public final class ResultsFile {
    private ResultsFile() {
    }

    /**
     * @param results a results file, or null
     * @return its outcomes by id (none when the file does not exist or is null)
     * @throws IllegalArgumentException naming the first line that is not an outcome
     */
    public static Map<String, TaskOutcome> read(Path results) {
        Map<String, TaskOutcome> out = new LinkedHashMap<>();
        if (results == null || !Files.exists(results)) {
            return out;
        }
        try {
            int n = 0;
            for (String line : Files.readAllLines(results)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    TaskOutcome o = TaskOutcome.parse(line);
                    out.put(o.id(), o);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(results + ", line " + n + ": not a task outcome; give a new results file");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the file by these outcomes, atomically.
     *
     * @param results  the results file, or null to write nothing
     * @param outcomes every outcome so far
     */
    public static void write(Path results, Iterable<TaskOutcome> outcomes) {
        if (results == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        outcomes.forEach(o -> b.append(o.json()).append('\n'));
        Path tmp = results.resolveSibling(results.getFileName() + ".tmp");
        try {
            Path parent = results.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(tmp, b);
            Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + results + ": " + e.getMessage(), e);
        }
    }
}
