package io.github.rnnkit.data.csv;

import io.github.rnnkit.data.DataException;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.split.InputSplit;
import org.datavec.api.split.InputStreamInputSplit;
import org.datavec.api.writable.Writable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV file with a header row, read through DataVec's {@link CSVRecordReader}, keeping the
 * 1-based line of every data row so that later errors can say where a bad value is.
 *
 * <p>Fields are trimmed; wholly blank lines are skipped; a row whose field count differs from
 * the header's is an error naming its line.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final List<String[]> rows;
    private final int[] lines;

    private CsvTable(String source, List<String> header, List<String[]> rows, int[] lines) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * Reads a CSV file whose first line names the columns.
     *
     * @param file the CSV file
     * @return the table
     * @throws DataException when the file is missing, unreadable, empty, has only a header, or
     * has a row with the wrong number of fields
     */
    public static CsvTable read(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new DataException(name, "file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DataException(name, "not a readable file");
        }
        requireText(file);
        return read(name, new FileSplit(file.toFile()));
    }

    /** Refuses compressed and binary files by what they are, before the CSV parser misreads them. */
    private static void requireText(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        } catch (IOException e) {
            throw new DataException(file.toString(), "cannot read: " + e.getMessage());
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new DataException(file.toString(), "is a gzip-compressed file, not CSV text: decompress it first (gunzip)");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new DataException(file.toString(), "is a zip archive (or an Excel workbook), not CSV text: extract or "
                    + "export the CSV first");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new DataException(file.toString(), "is a binary file, not CSV text (a NUL byte at offset " + i + ")");
            }
        }
    }

    /**
     * Reads CSV text from a stream (for example a bundled resource); {@code source} names it in errors.
     *
     * @param source the name used in error messages
     * @param in the CSV text, UTF-8
     * @return the table
     */
    public static CsvTable read(String source, InputStream in) {
        return read(source, new InputStreamInputSplit(in));
    }

    private static CsvTable read(String source, InputSplit split) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int lastLine = 0;
        try (CSVRecordReader reader = new CSVRecordReader(0, ',', '"')) {
            reader.initialize(split);
            while (reader.hasNext()) {
                Record record = reader.nextRecord();
                int line = ((RecordMetaDataLine) record.getMetaData()).getLineNumber() + 1;
                lastLine = line;
                String[] fields = fields(record.getRecord());
                if (fields.length == 1 && fields[0].isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = headerOf(source, line, fields);
                } else if (fields.length != header.size()) {
                    throw new DataException(source, line, null, "has " + fields.length
                            + " fields but the header has " + header.size());
                } else {
                    rows.add(fields);
                    lineNumbers.add(line);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new DataException(source, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof DataException de) {
                throw de;
            }
            // DataVec reads line by line: the failing line is the one after the last it read.
            String why = String.valueOf(e.getMessage());
            if (why.contains("Un-terminated quoted field")) {
                throw new DataException(source, lastLine + 1, null, "a quoted field is not closed (an unmatched '\"'; "
                        + "fields spanning lines are not supported)");
            }
            throw new DataException(source, lastLine + 1, null, "cannot parse as CSV: " + why.replaceFirst("^java\\.io\\.\\w+: ", ""));
        }
        if (header == null) {
            throw new DataException(source, "file is empty (expected a header row and data rows)");
        }
        if (rows.isEmpty()) {
            throw new DataException(source, "has a header but no data rows");
        }
        return new CsvTable(source, header, rows, lineNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String[] fields(List<Writable> record) {
        String[] out = new String[record.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = record.get(i).toString().trim();
        }
        // A byte-order mark would otherwise become part of the first column's name.
        if (out.length > 0 && out[0].startsWith("\uFEFF")) {
            out[0] = out[0].substring(1);
        }
        return out;
    }

    private static List<String> headerOf(String source, int line, String[] fields) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].isEmpty()) {
                throw new DataException(source, line, null, "header field " + (i + 1) + " is blank");
            }
            if (!seen.add(fields[i])) {
                throw new DataException(source, line, fields[i], "the header names this column twice");
            }
        }
        return List.of(fields);
    }

    /** @return the file name or description given when reading */
    public String source() {
        return source;
    }

    /** @return column names in file order */
    public List<String> header() {
        return header;
    }

    /** @return number of data rows (header and blank lines excluded) */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @param row 0-based data row
     * @return the 1-based line in the file of data row {@code row}
     */
    public int line(int row) {
        return lines[row];
    }

    /** @return a copy of the 1-based lines of all data rows */
    public int[] lines() {
        return lines.clone();
    }

    /**
     * @param name the column name
     * @return true when a column of that exact name exists
     */
    public boolean hasColumn(String name) {
        return header.contains(name);
    }

    /**
     * @param name the column name
     * @return the index of a column
     * @throws DataException naming the column and listing those that exist
     */
    public int columnIndex(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new DataException(source, 1, name, "no such column; the columns are " + String.join(", ", header));
        }
        return i;
    }

    /**
     * @param name the column name
     * @return the trimmed text of one column, one entry per data row
     */
    public List<String> column(String name) {
        int c = columnIndex(name);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            out.add(row[c]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Splits a long-format table (one row per series and step) into one table per value of
     * {@code column}, in order of first appearance; each keeps its rows' order and their lines in
     * the file, so that errors found later in one series still name the file's line.
     *
     * @param column the column naming each row's series (e.g. {@code ticker} or {@code station})
     * @return the tables by series name
     * @throws DataException naming the column when it does not exist, or the line of a blank series name
     */
    public java.util.LinkedHashMap<String, CsvTable> groupBy(String column) {
        int c = columnIndex(column);
        java.util.LinkedHashMap<String, List<Integer>> byName = new java.util.LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            String name = rows.get(r)[c];
            if (name.isEmpty()) {
                throw new DataException(source, lines[r], column, "blank series name");
            }
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        java.util.LinkedHashMap<String, CsvTable> out = new java.util.LinkedHashMap<>();
        byName.forEach((name, rs) -> {
            List<String[]> part = new ArrayList<>(rs.size());
            int[] partLines = new int[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                part.add(rows.get(rs.get(i)));
                partLines[i] = lines[rs.get(i)];
            }
            out.put(name, new CsvTable(source, header, part, partLines));
        });
        return out;
    }
}
