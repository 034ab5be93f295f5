package io.github.rnnkit.apps.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Accepts either a bundle folder or a train run folder that holds one in {@code model/}. */
final class BundlePath {
    private BundlePath() {
    }

    static Path resolve(Path dir) {
        Path inner = dir.resolve("model");
        return !Files.exists(dir.resolve("spec.json")) && Files.isDirectory(inner) ? inner : dir;
    }
}
