package io.github.rnnkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small CSV files for tests. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code text} to {@code name} in {@code dir} and returns the path. */
    public static Path csv(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
