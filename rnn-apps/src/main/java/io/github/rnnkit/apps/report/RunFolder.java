package io.github.rnnkit.apps.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder one run of a walkthrough writes: report.md, PNG charts and the CSV behind each
 * chart and table. Remembers what it wrote so a test (or the terminal summary) can list it.
 */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * @param out     the folder the user asked for, or null for {@code runs/<command>-<timestamp>}
     * @param command the command's name
     * @return the created folder
     */
    public static RunFolder create(Path out, String command) {
        Path dir = out != null ? out : defaultDir(command, LocalDateTime.now());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return new RunFolder(dir);
    }

    /** @return {@code runs/<command>-<yyyyMMdd-HHmmss>} */
    static Path defaultDir(String command, LocalDateTime now) {
        return Path.of("runs", command + "-" + now.format(STAMP));
    }

    /**
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /** @return every file written so far, in order */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /**
     * Writes {@code name} (e.g. {@code report.md}).
     *
     * @param name the file name
     * @param text its content
     * @return the file
     */
    public Path text(String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        written.add(file);
        return file;
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
     * @return the PNG file
     */
    public Path chart(String name, LineChart chart) {
        table(name, chart.table());
        Path png = dir.resolve(name + ".png");
        ChartRenderer.png(chart, png);
        written.add(png);
        return png;
    }
}
