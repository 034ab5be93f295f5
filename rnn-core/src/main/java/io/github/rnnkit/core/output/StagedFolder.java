package io.github.rnnkit.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder written so that nothing is lost: the run goes into {@code .NAME.partial}
 * beside the target, under a {@link FolderLock}, and {@link #commit()} moves it into place in one
 * rename (a run already there stays whole until then, and is replaced only in
 * {@link WriteMode#REPLACE}). A run that dies before committing leaves its staging folder, which
 * {@link WriteMode#RESUME} continues (or {@link #discardUnfinished()} removes when the run cannot
 * be resumed).
 *
 * <pre>{@code
 * try (StagedFolder out = StagedFolder.open(Path.of("runs/gru"), WriteMode.NEW, "the output folder")) {
 *     Files.writeString(out.dir().resolve("report.md"), text);
 *     out.commit();
 * }
 * }</pre>
 *
 * Refused, each with a message naming the folder and {@code label}: an empty path, a path inside a
 * model bundle or inside another run, a folder of other files (even in {@code REPLACE}: only a
 * folder that rnnkit wrote is ever replaced), a run already there in {@code NEW}, and a second
 * writer while the first holds the lock.
 */
public final class StagedFolder implements AutoCloseable {
    /** The file that marks a folder as an rnnkit run, so that {@code REPLACE} never deletes anything else. */
    public static final String MARKER = ".rnnkit-run";
    private final Path target;
    private final Path staging;
    private final FolderLock lock;
    private final boolean resumed;
    private boolean committed;
    private boolean discard;

    private StagedFolder(Path target, Path staging, FolderLock lock, boolean resumed) {
        this.target = target;
        this.staging = staging;
        this.lock = lock;
        this.resumed = resumed;
    }

    /**
     * Locks {@code target} and prepares its staging folder.
     *
     * @param target the folder the run ends up in
     * @param mode   refuse a run already there, replace it, or resume an unfinished one
     * @param label  how messages name the folder, e.g. {@code "--out"}
     * @return the staging folder to write into
     * @throws IllegalArgumentException when the folder cannot be used, saying why
     * @throws FolderBusyException when another writer holds the folder
     */
    public static StagedFolder open(Path target, WriteMode mode, String label) {
        if (target == null || target.toString().isBlank()) {
            throw new IllegalArgumentException(label + " is empty: give a folder name");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new IllegalArgumentException(label + " " + target + " is the root folder: give a folder inside it");
        }
        Path bundle = enclosingBundle(abs);
        if (bundle != null) {
            throw new IllegalArgumentException(label + " " + target + " is inside the model bundle " + bundle
                    + ": choose a folder outside it");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(MARKER))) {
                throw new IllegalArgumentException(label + " " + target + " is inside the run folder " + p
                        + ": choose a folder outside it");
            }
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(label + " " + target + " is a file, not a folder");
        }
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new IllegalArgumentException(label + " " + target + ": cannot create " + abs.getParent() + ": "
                    + IoReason.of(e), e);
        }
        FolderLock lock = FolderLock.acquire(abs);
        try {
            Path staging = abs.resolveSibling("." + abs.getFileName() + ".partial");
            boolean unfinished = Files.isRegularFile(staging.resolve(MARKER));
            if (mode == WriteMode.RESUME) {
                if (!unfinished) {
                    throw new IllegalArgumentException(label + " " + target + " has no unfinished run to resume"
                            + (isRun(abs) ? " (the run there is finished)" : ""));
                }
                return new StagedFolder(abs, staging, lock, true);
            }
            if (isBundle(abs)) {
                throw new IllegalArgumentException(label + " " + target + " is a model bundle, not a run folder: "
                        + "choose another folder");
            }
            if (nonEmpty(abs) && !isRun(abs)) {
                throw new IllegalArgumentException(label + " " + target + " holds other files, not an rnnkit run: "
                        + "choose a new or empty folder");
            }
            if (mode == WriteMode.NEW && isRun(abs)) {
                throw new IllegalArgumentException(label + " " + target + " already holds a run: give --force to replace "
                        + "it, or choose another folder");
            }
            if (mode == WriteMode.NEW && unfinished) {
                throw new IllegalArgumentException(label + " " + target + " has an unfinished run (" + staging.getFileName()
                        + "): --resume continues it, --force starts over");
            }
            deleteTree(staging);
            Files.createDirectories(staging);
            Files.writeString(staging.resolve(MARKER), "rnnkit run folder\n");
            return new StagedFolder(abs, staging, lock, false);
        } catch (IOException e) {
            lock.close();
            throw new IllegalArgumentException(label + " " + target + ": cannot create " + target + ": " + IoReason.of(e), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** @return the folder to write into until {@link #commit()} */
    public Path dir() {
        return staging;
    }

    /** @return the folder the run ends up in */
    public Path target() {
        return target;
    }

    /** @return true when this continues a killed writer's staging folder */
    public boolean resumed() {
        return resumed;
    }

    /** Removes the staging folder at {@link #close()} if the run did not commit (for runs that cannot resume). */
    public void discardUnfinished() {
        discard = true;
    }

    /**
     * @param target a run's target folder
     * @return the staging folder of its unfinished run, or null when there is none
     */
    public static Path unfinished(Path target) {
        if (target == null || target.toString().isBlank() || target.toAbsolutePath().normalize().getParent() == null) {
            return null;
        }
        Path abs = target.toAbsolutePath().normalize();
        Path staging = abs.resolveSibling("." + abs.getFileName() + ".partial");
        return Files.isRegularFile(staging.resolve(MARKER)) ? staging : null;
    }

    /**
     * Moves the staging folder into place in one rename, replacing a run already there (kept
     * aside until the rename is done, then deleted), and releases the lock.
     *
     * @return the target folder
     */
    public Path commit() {
        Path old = null;
        try {
            if (Files.isDirectory(target)) {
                if (nonEmpty(target)) {
                    old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.delete(target);
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished run into " + target + ": " + IoReason.of(e)
                    + (old != null ? " (the previous run is in " + old + ")" : ""), e);
        }
        try {
            deleteTree(old);
        } catch (IOException ignored) {
            // the new run is in place; a leftover hidden copy of the old one loses nothing
        }
        close();
        return target;
    }

    /** Releases the lock; the staging folder of an unfinished run stays for resuming unless discarded. */
    @Override
    public void close() {
        if (!committed && discard) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // a leftover staging folder is refused or replaced by the next run
            }
        }
        lock.close();
    }

    /**
     * @param path a file or folder to write
     * @return the nearest folder above it that holds a model bundle, or null
     */
    public static Path enclosingBundle(Path path) {
        for (Path p = path.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (isBundle(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param dir a folder
     * @return true when it holds a model bundle (a manifest, or a spec and a network)
     */
    public static boolean isBundle(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.json"))
                || Files.isRegularFile(dir.resolve("spec.json")) && Files.isRegularFile(dir.resolve("network.zip"));
    }

    private static boolean isRun(Path dir) {
        // report.md: run folders written before the marker existed
        return Files.isRegularFile(dir.resolve(MARKER)) || Files.isRegularFile(dir.resolve("report.md"));
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
