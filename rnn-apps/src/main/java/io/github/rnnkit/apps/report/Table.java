package io.github.rnnkit.apps.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small table of strings, written both as CSV (the data behind a chart or a report) and as a
 * Markdown table (in the report).
 *
 * @param header column names
 * @param rows   rows, each as long as the header
 */
public record Table(List<String> header, List<List<String>> rows) {
    /**
     * Copies the rows and checks that each has one cell per column.
     *
     * @param header column names
     * @param rows rows, each as long as the header
     */
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells; the header has " + header.size());
            }
        }
    }

    /**
     * @param header the column names
     * @return a builder for a table with these columns
     */
    public static Builder builder(String... header) {
        return new Builder(List.of(header));
    }

    /** @return RFC 4180 CSV with a header line */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    /** @return a GitHub Markdown table; columns whose cells are all numbers are right-aligned */
    public String markdown() {
        StringBuilder sb = new StringBuilder("|");
        header.forEach(h -> sb.append(' ').append(h).append(" |"));
        sb.append("\n|");
        for (int c = 0; c < header.size(); c++) {
            sb.append(numeric(c) ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append('|');
            r.forEach(v -> sb.append(' ').append(v.replace("|", "\\|")).append(" |"));
            sb.append('\n');
        }
        return sb.toString();
    }

    private boolean numeric(int c) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.get(c).matches("[-+]?[0-9.,eE+%x-]+|n/a|NaN"));
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        sb.append('\n');
    }

    /**
     * Formats {@code x} with {@code digits} significant digits, "n/a" for NaN.
     *
     * @param x the value
     * @param digits significant digits
     * @return the text
     */
    public static String num(double x, int digits) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "g", x);
    }

    /**
     * Formats {@code x} with {@code decimals} decimals, "n/a" for NaN.
     *
     * @param x the value
     * @param decimals decimals
     * @return the text
     */
    public static String fixed(double x, int decimals) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** Collects rows. */
    public static final class Builder {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        /**
         * Adds a row; numbers are written with {@link String#valueOf}.
         *
         * @param cells one value per column
         * @return this builder
         */
        public Builder row(Object... cells) {
            List<String> r = new ArrayList<>(cells.length);
            for (Object c : cells) {
                r.add(String.valueOf(c));
            }
            rows.add(r);
            return this;
        }

        /**
         * @return the table
         */
        public Table build() {
            return new Table(header, rows);
        }
    }
}
