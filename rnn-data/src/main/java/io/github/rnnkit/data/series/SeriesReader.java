package io.github.rnnkit.data.series;

import io.github.rnnkit.data.csv.CsvNumbers;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.csv.CsvTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads series out of a {@link CsvTable} by column name, checking every value and naming the
 * line and column of the first bad one.
 *
 * <pre>{@code
 * CategoricalSeries weather = SeriesReader.of(Path.of("seattle-weather.csv")).categorical("weather");
 * PriceSeries stock = SeriesReader.of(file).optMissing(MissingValues.DROP).prices("close", "volume");
 * }</pre>
 *
 * <p>Dates come from the column given by {@link #optDateColumn}, or else from a column named
 * {@code date} (any case) if there is one; they must be ISO dates ({@code 2024-01-31}, a time
 * part after the date is ignored) and strictly increasing.
 */
public final class SeriesReader {
    private final CsvTable table;
    private String dateColumn;
    private boolean dates = true;
    private MissingValues missing = MissingValues.ERROR;

    private SeriesReader(CsvTable table) {
        this.table = table;
    }

    /**
     * @param file the CSV file
     * @return a reader of its columns
     * @throws DataException when the file is missing, empty or malformed
     */
    public static SeriesReader of(Path file) {
        return new SeriesReader(CsvTable.read(file));
    }

    /**
     * A reader of a table already read (for example a bundled sample).
     *
     * @param table the table
     * @return a reader of its columns
     */
    public static SeriesReader of(CsvTable table) {
        return new SeriesReader(table);
    }

    /**
     * Takes dates from this column instead of looking for one named {@code date}.
     *
     * @param column the date column (ISO dates, yyyy-MM-dd)
     * @return this reader
     */
    public SeriesReader optDateColumn(String column) {
        table.columnIndex(column);
        this.dateColumn = column;
        this.dates = true;
        return this;
    }

    /**
     * Ignores any date column: steps are only ordered by their position in the file.
     *
     * @return this reader
     */
    public SeriesReader optNoDates() {
        this.dates = false;
        this.dateColumn = null;
        return this;
    }

    /**
     * What to do with a blank value (default {@link MissingValues#ERROR}).
     *
     * @param policy error, drop or forward-fill
     * @return this reader
     */
    public SeriesReader optMissing(MissingValues policy) {
        this.missing = policy;
        return this;
    }

    /** @return the table being read */
    public CsvTable table() {
        return table;
    }

    /** @return the date column that will be used, or null when none */
    public String dateColumn() {
        if (!dates) {
            return null;
        }
        if (dateColumn != null) {
            return dateColumn;
        }
        for (String h : table.header()) {
            if (h.toLowerCase(Locale.ROOT).equals("date")) {
                return h;
            }
        }
        return null;
    }

    /**
     * @param column the column name
     * @return the kind of a column, inferred from its values
     */
    public SeriesKind inferKind(String column) {
        return SeriesKind.infer(table.column(column));
    }

    /**
     * Reads a column of categories.
     *
     * @param column the column name
     * @return the series
     */
    public CategoricalSeries categorical(String column) {
        int c = table.columnIndex(column);
        List<String> raw = table.column(column);
        Rows rows = new Rows();
        String last = null;
        for (int r = 0; r < raw.size(); r++) {
            String v = raw.get(r);
            if (v.isEmpty()) {
                if (missing == MissingValues.ERROR) {
                    throw new DataException(table.source(), table.line(r), column,
                            "blank value (use a missing-value policy of drop or forward-fill to accept gaps)");
                }
                rows.missing.add(table.line(r));
                if (missing == MissingValues.DROP) {
                    continue;
                }
                if (last == null) {
                    throw new DataException(table.source(), table.line(r), column,
                            "blank value before the first value: nothing to forward-fill from");
                }
                v = last;
            }
            last = v;
            rows.keep(r);
            rows.categories.add(v);
        }
        return new CategoricalSeries(table.header().get(c), rows.categories, rows.index(), rows.missingLines());
    }

    /**
     * Reads one or more numeric columns; the first is the target.
     *
     * @param columns numeric columns, target first
     * @return the series
     * @throws DataException for a non-numeric, infinite, blank or NaN value (the last two unless a
     * missing-value policy accepts them), naming line and column
     */
    public PriceSeries prices(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("name at least one price column");
        }
        List<List<String>> raw = new ArrayList<>();
        for (String column : columns) {
            raw.add(table.column(column));
        }
        Rows rows = new Rows();
        double[] last = null;
        for (int r = 0; r < table.rowCount(); r++) {
            double[] row = new double[columns.length];
            boolean gap = false;
            for (int f = 0; f < columns.length; f++) {
                String v = raw.get(f).get(r);
                if (v.isEmpty() || CsvNumbers.isNaN(v)) {
                    if (missing == MissingValues.ERROR) {
                        throw new DataException(table.source(), table.line(r), columns[f],
                                (v.isEmpty() ? "blank value" : "NaN")
                                        + " (use a missing-value policy of drop or forward-fill to accept gaps)");
                    }
                    gap = true;
                    continue;
                }
                if (!CsvNumbers.isNumber(v)) {
                    throw new DataException(table.source(), table.line(r), columns[f], "'" + v + "' is not a number");
                }
                row[f] = CsvNumbers.parse(v);
                if (Double.isInfinite(row[f])) {
                    throw new DataException(table.source(), table.line(r), columns[f], "'" + v + "' is infinite");
                }
            }
            if (gap) {
                rows.missing.add(table.line(r));
                if (missing == MissingValues.DROP) {
                    continue;
                }
                if (last == null) {
                    throw new DataException(table.source(), table.line(r), null,
                            "missing value before the first complete row: nothing to forward-fill from");
                }
                for (int f = 0; f < columns.length; f++) {
                    String v = raw.get(f).get(r);
                    if (v.isEmpty() || CsvNumbers.isNaN(v)) {
                        row[f] = last[f];
                    }
                }
            }
            last = row;
            rows.keep(r);
            rows.numbers.add(row);
        }
        return new PriceSeries(List.of(columns), rows.numbers.toArray(new double[0][]), rows.index(), rows.missingLines());
    }

    /** Rows kept so far, with their lines, dates and the lines of gaps. */
    private final class Rows {
        final List<Integer> kept = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<double[]> numbers = new ArrayList<>();
        final List<Integer> missing = new ArrayList<>();

        void keep(int row) {
            kept.add(row);
        }

        int[] missingLines() {
            return missing.stream().mapToInt(Integer::intValue).toArray();
        }

        TimeIndex index() {
            int[] lines = new int[kept.size()];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = table.line(kept.get(i));
            }
            String column = dateColumn();
            if (kept.isEmpty()) {
                throw new DataException(table.source(), "every row has a missing value: the series is empty");
            }
            return new TimeIndex(table.source(), kept.size(), column == null ? null : parseDates(column), lines);
        }

        private List<LocalDate> parseDates(String column) {
            List<String> raw = table.column(column);
            List<LocalDate> out = new ArrayList<>(kept.size());
            LocalDate previous = null;
            int previousLine = 0;
            for (int row : kept) {
                int line = table.line(row);
                LocalDate d = parseDate(raw.get(row), line, column);
                if (previous != null && !d.isAfter(previous)) {
                    String text = raw.get(row).trim();
                    throw new DataException(table.source(), line, column, d.equals(previous) && text.length() > 10
                            ? "'" + text + "' falls on the same day as the row on line " + previousLine + ": rnnkit series "
                            + "have one value per day, and these look like intraday (e.g. hourly) timestamps; aggregate "
                            + "them to one row per day first"
                            : d.equals(previous) ? "duplicate date " + d + " (also on line " + previousLine + ")"
                            : "date " + d + " comes after " + previous + " (line " + previousLine
                            + "): rows must be sorted by increasing date");
                }
                out.add(d);
                previous = d;
                previousLine = line;
            }
            return out;
        }

        private LocalDate parseDate(String text, int line, String column) {
            if (text.isEmpty()) {
                throw new DataException(table.source(), line, column, "blank date");
            }
            String day = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')
                    ? text.substring(0, 10) : text;
            try {
                return LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw new DataException(table.source(), line, column,
                        "'" + text + "' is not a date (expected yyyy-MM-dd)");
            }
        }
    }
}
