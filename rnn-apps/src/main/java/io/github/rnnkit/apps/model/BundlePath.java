package io.github.rnnkit.apps.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Accepts either a bundle folder or a train run folder that holds one in {@code model/}. */
public final class BundlePath {
    private BundlePath() {
    }

    /**
     * @param dir a bundle folder, a train run folder, or another path
     * @return the run's {@code model/} folder for a run folder, else {@code dir}
     */
    public static Path resolve(Path dir) {
        Path inner = dir.resolve("model");
        boolean bundle = Files.exists(dir.resolve("spec.json"))
                || Files.exists(dir.resolve(io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.SETTINGS));
        return !bundle && Files.isDirectory(inner) ? inner : dir;
    }
}
