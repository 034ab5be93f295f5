package io.github.rnnkit.data.sample;

import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.SeriesReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Datasets shipped inside the rnn-data jar, so examples run on real data with no download. */
public enum SampleDataset {
    /**
     * Daily weather in Seattle, 2012-01-01 to 2015-12-31 (1,461 days): date, precipitation (mm),
     * temp_max and temp_min (°C), wind (m/s) and weather (sun, rain, fog, drizzle, snow). NOAA
     * National Climatic Data Center records as prepared for vega-datasets 3.2.1; public domain.
     */
    SEATTLE_WEATHER("seattle-weather", "weather",
            "Seattle daily weather 2012-2015; NOAA via vega-datasets 3.2.1; public domain");

    private final String id;
    private final String defaultColumn;
    private final String description;

    SampleDataset(String id, String defaultColumn, String description) {
        this.id = id;
        this.defaultColumn = defaultColumn;
        this.description = description;
    }

    /** @return the name used on the command line, e.g. {@code seattle-weather} */
    public String id() {
        return id;
    }

    /** @return the column the walkthroughs model */
    public String defaultColumn() {
        return defaultColumn;
    }

    /** @return one line: what it is, where it is from, its licence */
    public String description() {
        return description;
    }

    /** @return the data, read through DataVec like any CSV file */
    public CsvTable table() {
        try (InputStream in = open(id + ".csv")) {
            return CsvTable.read("sample:" + id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the sample's default column as a dated categorical series (the Seattle weather:
     *         1,461 days of {@code sun}, {@code rain}, {@code fog}, {@code drizzle}, {@code snow})
     */
    public CategoricalSeries series() {
        return SeriesReader.of(table()).categorical(defaultColumn);
    }

    /** @return the provenance notes shipped beside the data (source, licence, checksum) */
    public String provenance() {
        try (InputStream in = open(id + ".README.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(String file) throws IOException {
        InputStream in = SampleDataset.class.getResourceAsStream("/io/github/rnnkit/data/samples/" + file);
        if (in == null) {
            throw new IOException("sample resource " + file + " is missing from the jar");
        }
        return in;
    }

    /**
     * @param id the name used on the command line, e.g. {@code seattle-weather}
     * @return the sample
     * @throws IllegalArgumentException naming the samples that exist
     */
    public static SampleDataset byId(String id) {
        for (SampleDataset s : values()) {
            if (s.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sample '" + id + "'; available: "
                + Arrays.stream(values()).map(SampleDataset::id).collect(Collectors.joining(", ")));
    }
}
