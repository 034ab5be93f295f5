package io.github.rnnkit.core.bundle;

import io.github.rnnkit.data.DataException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a bundle folder so that a crash never leaves a mix of two models: every part goes into a
 * hidden temporary folder beside the target, with a {@code manifest.json} of each part's SHA-256,
 * each file is flushed to disk, and the folder is moved into place by rename, the previous bundle
 * staying whole until then. At load the manifest is checked, so a changed or damaged part is
 * refused by name instead of forecasting with it. Public for the other bundle formats (the
 * encoder-decoder's, {@code io.github.rnnkit.core.seq2seq.Seq2SeqForecaster}).
 */
public final class BundleFolder {
    static final String MANIFEST = "manifest.json";
    /** Tests set this to fail a save after the named part, as a crash there would. */
    static volatile java.util.function.Consumer<String> afterPart = part -> { };

    private BundleFolder() {
    }

    /** One part of a bundle: its file name and how to write it into a folder. */
    public interface Part {
        /** @return the file name inside the bundle */
        String name();

        /**
         * @param file where to write the part
         * @throws IOException when writing fails
         */
        void write(Path file) throws IOException;
    }

    /** What writes one part into a file. */
    public interface Writer {
        /**
         * @param file where to write
         * @throws IOException when writing fails
         */
        void write(Path file) throws IOException;
    }

    /**
     * @param name the part's file name
     * @param w    what writes it
     * @return the part
     */
    public static Part part(String name, Writer w) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void write(Path file) throws IOException {
                w.write(file);
            }
        };
    }

    /**
     * Writes the parts into {@code target} by way of a temporary folder and one rename.
     *
     * @param target the bundle folder; replaced only when it holds a bundle (a {@code provenance.json})
     * @param parts  the parts, in the order they are written
     * @param hashed the parts the manifest covers (the others, such as histories, are informative)
     * @throws UncheckedIOException when writing fails; {@code target} is then as it was
     * @throws IllegalArgumentException when {@code target} is a file, or a folder holding something
     *                                  other than a bundle, which it will not replace
     */
    public static void write(Path target, List<Part> parts, List<String> hashed) {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("cannot write a model bundle at the file-system root");
        }
        requireReplaceable(dir);
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp-");
            ObjectNode manifest = BundleJson.MAPPER.createObjectNode().put("format", ModelBundle.FORMAT);
            ObjectNode sums = manifest.putObject("sha256");
            for (Part p : parts) {
                Path file = tmp.resolve(p.name());
                p.write(file);
                sync(file);
                if (hashed.contains(p.name())) {
                    sums.put(p.name(), Provenance.sha256(file));
                }
                afterPart.accept(p.name());
            }
            Path manifestFile = tmp.resolve(MANIFEST);
            BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(manifestFile.toFile(), manifest);
            sync(manifestFile);
            afterPart.accept(MANIFEST);
            replace(tmp, dir);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model bundle " + target + ": " + e, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Checks each part the manifest names against its SHA-256.
     *
     * @param dir a bundle folder
     * @throws DataException naming the first part that differs
     */
    public static void verify(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return;   // bundles written before manifests existed
        }
        JsonNode manifest;
        try {
            manifest = BundleJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException(file.toString(), "corrupt or truncated JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode sums = manifest.path("sha256");
        if (!sums.isObject() || sums.size() == 0) {
            throw new DataException(file.toString(), "corrupt: no SHA-256 of the bundle's parts");
        }
        for (var it = sums.fields(); it.hasNext(); ) {
            var e = it.next();
            Path part = dir.resolve(e.getKey());
            if (!Files.isRegularFile(part)) {
                throw new DataException(dir.toString(), "not a complete rnnkit model bundle: " + e.getKey() + " is missing");
            }
            if (!Provenance.sha256(part).equals(e.getValue().asText())) {
                throw new DataException(part.toString(), "does not match the bundle's manifest (SHA-256): the file was "
                        + "changed or damaged after the bundle was saved; save the model again");
            }
        }
    }

    private static void requireReplaceable(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException("cannot write a model bundle to " + dir + ": it is a file");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(dir.resolve(ModelBundle.PROVENANCE))) {
                throw new IllegalArgumentException("not replacing " + dir + ": it holds files but no rnnkit model "
                        + "bundle (choose an empty or new folder)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e, e);
        }
    }

    /** Moves {@code tmp} to {@code dir}; an existing {@code dir} is moved aside first and deleted after. */
    private static void replace(Path tmp, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            move(tmp, dir);
            return;
        }
        Path old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".old-");
        Files.delete(old);
        move(dir, old);
        move(tmp, dir);
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (AccessDeniedException e) {
            // a read-only part was written whole; nothing to flush through this handle
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden folder beside the bundle does no harm
        }
    }
}
