package io.github.rnnkit.apps.report;

import io.github.rnnkit.core.output.IoReason;
import io.github.rnnkit.core.output.StagedFolder;
import io.github.rnnkit.core.output.WriteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder one run of a walkthrough writes: report.md, PNG charts and the CSV behind each
 * chart and table. Written through a {@link StagedFolder}: into a hidden staging folder under a
 * lock, moved into place by {@link #commit()}, so that an existing run is never replaced unless
 * asked and never mixed with a new one. Remembers what it wrote so a test (or the terminal
 * summary) can list it.
 */
public final class RunFolder implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final StagedFolder staged;
    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    private RunFolder(StagedFolder staged, Path dir) {
        this.staged = staged;
        this.dir = dir;
    }

    /**
     * @param out     the folder the user asked for, or null for {@code runs/<command>-<timestamp>}
     * @param command the command's name
     * @param force   replace a run already in {@code out} instead of refusing
     * @return the run folder, locked; {@link #commit()} it when done, close it in any case
     */
    public static RunFolder create(Path out, String command, boolean force) {
        Path dir = out != null ? out : defaultDir(command, LocalDateTime.now());
        StagedFolder staged = StagedFolder.open(dir, force ? WriteMode.REPLACE : WriteMode.NEW, "--out");
        staged.discardUnfinished();
        return new RunFolder(staged, dir);
    }

    /**
     * A run folder whose unfinished run is kept when the run stops without committing (killed, or
     * failed), so that {@link WriteMode#RESUME} can continue it from what {@link #saveProgress} wrote.
     *
     * @param out     the folder the user asked for, or null for {@code runs/<command>-<timestamp>}
     * @param command the command's name
     * @param mode    refuse a run already there, replace it, or resume the unfinished one
     * @return the run folder, locked; {@link #commit()} it when done, close it in any case
     */
    public static RunFolder resumable(Path out, String command, WriteMode mode) {
        if (mode == WriteMode.RESUME && out == null) {
            throw new IllegalArgumentException("--resume needs --out DIR: the folder of the run to continue");
        }
        Path dir = out != null ? out : defaultDir(command, LocalDateTime.now());
        return new RunFolder(StagedFolder.open(dir, mode, "--out"), dir);
    }

    /** @return true when this folder continues an unfinished run */
    public boolean resumed() {
        return staged.resumed();
    }

    /**
     * Writes {@code name} into the unfinished run atomically (a temporary file moved over it), so
     * that a run killed while writing still has the previous version whole.
     *
     * @param name the file name
     * @param text its content
     */
    public void saveProgress(String name, String text) {
        Path file = staged.dir().resolve(name);
        Path tmp = staged.dir().resolve(name + ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + IoReason.of(e), e);
        }
    }

    /**
     * @param name a file written by {@link #saveProgress}
     * @return its content, or empty when the unfinished run has none
     */
    public java.util.Optional<String> readProgress(String name) {
        Path file = staged.dir().resolve(name);
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(Files.readString(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + IoReason.of(e), e);
        }
    }

    /**
     * Removes a progress file before {@link #commit()}, once the finished run's own files say it all.
     *
     * @param name a file written by {@link #saveProgress}
     */
    public void dropProgress(String name) {
        try {
            Files.deleteIfExists(staged.dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + staged.dir().resolve(name) + ": " + IoReason.of(e), e);
        }
    }

    /**
     * A new run records the options that decide its results; a resumed run must have been started
     * with the same ones.
     *
     * @param name    the progress file holding them
     * @param options the options, one line
     * @throws IllegalArgumentException when the unfinished run had other options, naming them
     */
    public void requireSameOptions(String name, String options) {
        if (!resumed()) {
            saveProgress(name, options + "\n");
            return;
        }
        String was = readProgress(name).orElse("").strip();
        if (!was.equals(options)) {
            throw new IllegalArgumentException("the unfinished run in " + dir + " was started with other options; resume it with the "
                    + "same ones (it ran: " + (was.isEmpty() ? "options it did not record" : was) + ")");
        }
    }

    /**
     * A file a library call keeps up to date itself while the run goes on (e.g. a runner's results
     * file, which it replaces atomically); it stays in the finished run, and a resumed run finds it.
     *
     * @param name the file name
     * @return its path in the unfinished run
     */
    public Path progressFile(String name) {
        written.add(dir.resolve(name));
        return staged.dir().resolve(name);
    }

    /**
     * A folder that a library call writes (e.g. a model bundle), listed with the run's files.
     *
     * @param name the folder's name, which must not exist yet
     * @return its path in the unfinished run
     */
    public Path folder(String name) {
        written.add(dir.resolve(name));
        return staged.dir().resolve(name);
    }

    /** @return {@code runs/<command>-<yyyyMMdd-HHmmss>} */
    static Path defaultDir(String command, LocalDateTime now) {
        return Path.of("runs", command + "-" + now.format(STAMP));
    }

    /**
     * @return the folder the run ends up in
     */
    public Path dir() {
        return dir;
    }

    /** @return every file written so far, in order, as paths in {@link #dir()} */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** Moves the finished run into place, replacing (with {@code force}) a run already there. */
    public void commit() {
        staged.commit();
    }

    /** Releases the folder; an uncommitted run's files are removed. */
    @Override
    public void close() {
        staged.close();
    }

    /**
     * Writes {@code name} (e.g. {@code report.md}).
     *
     * @param name the file name
     * @param text its content
     * @return the file, as it will be after {@link #commit()}
     */
    public Path text(String name, String text) {
        Path file = staged.dir().resolve(name);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + IoReason.of(e), e);
        }
        written.add(dir.resolve(name));
        return dir.resolve(name);
    }

    /**
     * Writes {@code name.csv}.
     *
     * @param name the file name without {@code .csv}
     * @param table the table
     * @return the file
     */
    public Path table(String name, Table table) {
        return text(name + ".csv", table.csv());
    }

    /**
     * Writes {@code name.png} and the data behind it as {@code name.csv}; returns the PNG.
     *
     * @param name the file name without extension
     * @param chart the chart
     * @return the PNG file, as it will be after {@link #commit()}
     */
    public Path chart(String name, LineChart chart) {
        table(name, chart.table());
        ChartRenderer.png(chart, staged.dir().resolve(name + ".png"));
        written.add(dir.resolve(name + ".png"));
        return dir.resolve(name + ".png");
    }

    /**
     * Writes {@code name.png} and its values as {@code name.csv}; returns the PNG.
     *
     * @param name the file name without extension
     * @param map  the heat map
     * @return the PNG file, as it will be after {@link #commit()}
     */
    public Path heatMap(String name, HeatMap map) {
        table(name, map.table());
        map.png(staged.dir().resolve(name + ".png"));
        written.add(dir.resolve(name + ".png"));
        return dir.resolve(name + ".png");
    }
}
