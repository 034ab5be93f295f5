package io.github.rnnkit.core.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A bundle folder (flat: its parts and manifest) as zip bytes that travel inside a task's outcome, and back. */
final class BundleBytes {
    private BundleBytes() {
    }

    static byte[] zip(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the model bundle in " + dir, e);
        }
        return bytes.toByteArray();
    }

    static void unzip(byte[] bundle, Path dir) {
        if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists; a model bundle is unpacked into a new folder");
        }
        try {
            Path tmp = Files.createTempDirectory(dir.toAbsolutePath().getParent(), ".bundle-");
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String name = Path.of(e.getName()).getFileName().toString();   // flat: no entry escapes the folder
                    Files.copy(zip, tmp.resolve(name));
                }
            }
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the model bundle into " + dir, e);
        }
    }
}
