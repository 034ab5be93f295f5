package io.github.rnnkit.apps.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables, charts and run folders: what they write, exactly. */
class ReportFilesTest {
    @Test
    void tableWritesCsvWithQuotingAndMarkdownWithAlignment() {
        Table t = Table.builder("name", "value").row("a,b", 1.5).row("say \"hi\"", 2).build();
        assertEquals("name,value\n\"a,b\",1.5\n\"say \"\"hi\"\"\",2\n", t.csv());
        assertEquals("| name | value |\n|---|---:|\n| a,b | 1.5 |\n| say \"hi\" | 2 |\n", t.markdown());
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("a"), List.of(List.of("1", "2"))));
    }

    @Test
    void logAxisLabelsArePowersOfTen() {
        assertEquals("1", ChartRenderer.powerOfTen(0));
        assertEquals("0.001", ChartRenderer.powerOfTen(-3));
        assertEquals("10000", ChartRenderer.powerOfTen(4));
        assertEquals("1e-20", ChartRenderer.powerOfTen(-20));
        assertEquals("0.316", ChartRenderer.powerOfTen(-0.5));
    }

    /** Zeros on a log axis and infinities are marked at the plot's edge, not dropped; NaN stays a gap. */
    @Test
    void valuesNoAxisCanShowAreMarked(@TempDir Path dir) throws Exception {
        LineChart.Series s = new LineChart.Series("no clipping", new double[]{1, 2, 3, 4, 5, 6, 7},
                new double[]{0.5, 4, 1e3, Double.POSITIVE_INFINITY, Double.NaN, 0, Double.NEGATIVE_INFINITY});
        LineChart log = LineChart.builder("Loss", "update", "loss").optLogY().add(s).build();
        ChartRenderer.OffAxis off = ChartRenderer.offAxis(log, s);
        assertArrayEquals(new double[]{4, 6, 7}, off.x());
        assertEquals(1, off.count(true), "+infinity above the axis");
        assertEquals(2, off.count(false), "0 and -infinity below a log axis");
        LineChart linear = LineChart.builder("Loss", "update", "loss").add(s).build();
        assertArrayEquals(new double[]{4, 7}, ChartRenderer.offAxis(linear, s).x(), "0 is drawn on a linear axis");
        Path png = dir.resolve("marked.png");
        ChartRenderer.png(log, png);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void chartWritesPngAndTheDataBehindIt(@TempDir Path dir) throws Exception {
        RunFolder f = RunFolder.create(dir.resolve("run"), "test", false);
        LineChart c = LineChart.builder("Decay", "distance (steps)", "norm").optLogY()
                .add(new LineChart.Series("a", new double[]{0, 1, 2}, new double[]{1, 0.1, 0}))
                .add(LineChart.Series.horizontal("bound", 0, 2, 0.5)).build();
        Path png = f.chart("decay", c);
        assertFalse(Files.exists(dir.resolve("run/decay.csv")), "nothing in place before the commit");
        f.commit();
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(ChartRenderer.WIDTH, img.getWidth());
        assertEquals(ChartRenderer.HEIGHT, img.getHeight());
        assertEquals("series,distance (steps),norm\na,0.0,1.0\na,1.0,0.1\na,2.0,0.0\nbound,0.0,0.5\nbound,2.0,0.5\n",
                Files.readString(dir.resolve("run/decay.csv")), "the CSV keeps the point a log axis cannot draw");
        assertEquals(List.of(dir.resolve("run/decay.csv"), png), f.written());
    }

    @Test
    void runFolderRefusesAFileAndDefaultsToATimestampedFolder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.create(file, "weather", true));
        assertTrue(e.getMessage().contains("--out " + file + " is a file"), e.getMessage());
        assertEquals(Path.of("runs", "weather-20261121-093005"),
                RunFolder.defaultDir("weather", java.time.LocalDateTime.of(2026, 11, 21, 9, 30, 5)));
    }

    @Test
    void anExistingRunIsKeptUnlessForcedAndThenReplacedWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        try (RunFolder f = RunFolder.create(out, "test", false)) {
            f.text("report.md", "first");
            f.text("old-chart.csv", "x");
            f.commit();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.create(out, "test", false));
        assertEquals("--out " + out + " already holds a run: give --force to replace it, or choose another folder", e.getMessage());
        try (RunFolder f = RunFolder.create(out, "test", true)) {
            f.text("report.md", "second");
            assertEquals("first", Files.readString(out.resolve("report.md")), "the old run stays until the new one is complete");
            f.commit();
        }
        assertEquals("second", Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(out.resolve("old-chart.csv")), "no file of the old run stays beside the new report");
        try (RunFolder f = RunFolder.create(out, "test", true)) {
            f.text("report.md", "third, never finished");
        }
        assertEquals("second", Files.readString(out.resolve("report.md")), "a failed run changes nothing");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("run"), left.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList());
        }
    }

    /** {@code memory --lags 5}: every series has one x value (one category); XChart failed on its empty tick labels. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aChartOfOneXValueIsDrawn(boolean logX, @TempDir Path dir) throws Exception {
        LineChart.Builder b = LineChart.builder("Memory", "lag (steps)", "test error").optLogY();
        if (logX) {
            b.optLogX();
        } else {
            b.optXCategories(List.of("5"));
        }
        LineChart c = b.add(new LineChart.Series("GRU", new double[]{logX ? 5 : 0}, new double[]{0.5}))
                .add(new LineChart.Series("LSTM", new double[]{logX ? 5 : 0}, new double[]{0.25}))
                .add(LineChart.Series.horizontal("chance", logX ? 5 : 0, logX ? 6 : 1, 0.5)).build();
        try (RunFolder f = RunFolder.create(dir.resolve("run"), "test", false)) {
            Path png = f.chart("one", c);
            f.commit();
            assertEquals(ChartRenderer.WIDTH, ImageIO.read(png.toFile()).getWidth());
        }
    }
}
