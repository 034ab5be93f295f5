package io.github.rnnkit.core.run;

import io.github.rnnkit.data.csv.CsvTable;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Many series in one long-format CSV file: one row per series and step, with a column naming the
 * series (a ticker, a weather station), a value column and optionally a date column; each series'
 * rows in time order. A plain value that tasks carry to wherever they run, each reading the file
 * there (on a cluster, the path must be readable by every executor).
 *
 * @param csv          the file
 * @param seriesColumn the column naming each row's series
 * @param valueColumn  the value column (prices, or categories such as the day's weather)
 * @param dateColumn   the date column, or null to use one named {@code date} if there is one
 * @param name         how error messages name the file (e.g. where it will be once a run is committed), or null for its path
 * @serial exclude
 */
public record LongSeries(String csv, String seriesColumn, String valueColumn, String dateColumn, String name) implements Serializable {
    /**
     * @param csv          the file
     * @param seriesColumn the series column
     * @param valueColumn  the value column
     * @param dateColumn   the date column, or null
     * @param name         the file's name in messages, or null for its path
     */
    public LongSeries {
        if (csv == null || seriesColumn == null || valueColumn == null) {
            throw new IllegalArgumentException("a long-format file needs its path, its series column and its value column");
        }
        name = name == null ? csv : name;
    }

    /**
     * @param csv          the file
     * @param seriesColumn the series column
     * @param valueColumn  the value column
     * @param dateColumn   the date column, or null
     */
    public LongSeries(String csv, String seriesColumn, String valueColumn, String dateColumn) {
        this(csv, seriesColumn, valueColumn, dateColumn, null);
    }

    /**
     * Reads the file and splits it by series.
     *
     * @return each series' rows (lines as in the file), in order of first appearance
     * @throws io.github.rnnkit.data.DataException when the file or a column is missing, or a series name is blank
     */
    public LinkedHashMap<String, CsvTable> tables() {
        CsvTable table;
        if (name.equals(csv)) {
            table = CsvTable.read(Path.of(csv));
        } else {
            try (var in = java.nio.file.Files.newInputStream(Path.of(csv))) {
                table = CsvTable.read(name, in);
            } catch (java.io.IOException e) {
                throw new io.github.rnnkit.data.DataException(name, "cannot read it: " + e.getMessage());
            }
        }
        table.columnIndex(valueColumn);
        if (dateColumn != null) {
            table.columnIndex(dateColumn);
        }
        return table.groupBy(seriesColumn);
    }

    /**
     * @return the series' names, in order of first appearance
     */
    public List<String> names() {
        return List.copyOf(tables().keySet());
    }
}
