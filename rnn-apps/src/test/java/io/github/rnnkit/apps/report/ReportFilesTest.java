package io.github.rnnkit.apps.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void chartWritesPngAndTheDataBehindIt(@TempDir Path dir) throws Exception {
        RunFolder f = RunFolder.create(dir.resolve("run"), "test");
        LineChart c = LineChart.builder("Decay", "distance (steps)", "norm").optLogY()
                .add(new LineChart.Series("a", new double[]{0, 1, 2}, new double[]{1, 0.1, 0}))
                .add(LineChart.Series.horizontal("bound", 0, 2, 0.5)).build();
        Path png = f.chart("decay", c);
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.create(file, "weather"));
        assertTrue(e.getMessage().contains("--out " + file + " is a file"), e.getMessage());
        assertEquals(Path.of("runs", "weather-20261121-093005"),
                RunFolder.defaultDir("weather", java.time.LocalDateTime.of(2026, 11, 21, 9, 30, 5)));
    }
}
