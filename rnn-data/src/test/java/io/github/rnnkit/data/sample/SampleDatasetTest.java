package io.github.rnnkit.data.sample;

import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.SeriesReader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDatasetTest {
    @Test
    void seattleWeatherShipsWithItsProvenanceAndMatchesItsChecksum() throws Exception {
        SampleDataset s = SampleDataset.byId("seattle-weather");
        String readme = s.provenance();
        assertTrue(readme.contains("public domain"));
        try (InputStream in = SampleDataset.class.getResourceAsStream("/io/github/rnnkit/data/samples/seattle-weather.csv")) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertTrue(readme.contains("sha256: " + sha), "README checksum matches the shipped copy");
        }
    }

    @Test
    void seattleWeatherReadsAsDocumented() {
        CsvTable t = SampleDataset.SEATTLE_WEATHER.table();
        CategoricalSeries w = SeriesReader.of(t).categorical("weather");
        assertEquals(1461, w.length());
        assertEquals(LocalDate.of(2012, 1, 1), w.index().date(0));
        assertEquals(LocalDate.of(2015, 12, 31), w.index().date(1460));
        assertEquals(Map.of("sun", 640, "rain", 641, "fog", 101, "drizzle", 53, "snow", 26), w.counts());
    }

    @Test
    void unknownSampleListsTheOnesThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleDataset.byId("nyc-taxi"));
        assertEquals("unknown sample 'nyc-taxi'; available: seattle-weather", e.getMessage());
    }
}
