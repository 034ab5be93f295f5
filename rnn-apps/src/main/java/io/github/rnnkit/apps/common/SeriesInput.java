package io.github.rnnkit.apps.common;

import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.MissingValues;
import io.github.rnnkit.data.series.SeriesReader;

import java.nio.file.Path;

/**
 * Where a command reads its series from: a CSV file or a bundled sample, the column(s), the date
 * column and what to do with blank values.
 *
 * @param csv        a CSV file, or null when {@code sample} is given
 * @param sample     a bundled sample, or null when {@code csv} is given
 * @param columns    the series columns, target first; empty for a sample's default column
 * @param dateColumn the date column; null to use one named {@code date} if there is one
 * @param missing    what to do with blank values
 */
public record SeriesInput(Path csv, SampleDataset sample, java.util.List<String> columns, String dateColumn,
                          MissingValues missing) {
    /**
     * Checks that exactly one of a file and a sample is given, and that a file comes with its column.
     *
     * @param csv a CSV file, or null when {@code sample} is given
     * @param sample a bundled sample, or null when {@code csv} is given
     * @param columns the series columns, target first; empty for a sample's default column
     * @param dateColumn the date column; null to use one named {@code date} if there is one
     * @param missing what to do with blank values
     */
    public SeriesInput {
        if ((csv == null) == (sample == null)) {
            throw new IllegalArgumentException("give either a CSV file (--csv) or a sample (--sample), not "
                    + (csv == null ? "neither" : "both"));
        }
        columns = columns == null ? java.util.List.of() : java.util.List.copyOf(columns);
        missing = missing == null ? MissingValues.ERROR : missing;
    }

    /**
     * A sample with its default column.
     *
     * @param sample the sample
     * @return the input
     */
    public static SeriesInput of(SampleDataset sample) {
        return new SeriesInput(null, sample, java.util.List.of(), null, MissingValues.ERROR);
    }

    /**
     * A CSV file's column(s).
     *
     * @param csv the CSV file
     * @param columns its columns, target first
     * @return the input
     */
    public static SeriesInput of(Path csv, String... columns) {
        return new SeriesInput(csv, null, java.util.List.of(columns), null, MissingValues.ERROR);
    }

    /**
     * @return the columns to read, target first: those given; else a sample's default column, or a
     *         CSV's only column besides its date column
     * @throws IllegalArgumentException for a CSV of several columns when none was named
     */
    public java.util.List<String> resolvedColumns() {
        if (!columns.isEmpty()) {
            return columns;
        }
        if (sample != null) {
            return java.util.List.of(sample.defaultColumn());
        }
        java.util.List<String> header = CsvTable.read(csv).header();
        java.util.List<String> values = header.stream()
                .filter(c -> !c.equalsIgnoreCase(dateColumn != null ? dateColumn : "date")).toList();
        if (values.size() == 1) {
            return values;
        }
        throw new IllegalArgumentException(csv + ": name the column to use with --column; the columns are "
                + String.join(", ", header));
    }

    /** @return the file name or sample name, for reports */
    public String sourceName() {
        return csv != null ? csv.toString() : "sample:" + sample.id();
    }

    /** @return the table, read */
    public CsvTable table() {
        return csv != null ? CsvTable.read(csv) : sample.table();
    }

    /**
     * @param table the table, read
     * @return a reader over the table with the date column and missing-value policy applied
     */
    public SeriesReader reader(CsvTable table) {
        SeriesReader r = SeriesReader.of(table).optMissing(missing);
        if (dateColumn != null) {
            r.optDateColumn(dateColumn);
        }
        return r;
    }
}
