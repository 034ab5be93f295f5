package io.github.rnnkit.data.csv;

import io.github.rnnkit.data.DataException;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file of numbers without a header, read through DataVec's {@link CSVRecordReader}: one
 * row per time step, one column per feature. Every value must be a finite number and every row
 * as wide as the first; errors name the line and the 1-based column.
 */
public final class NumericCsv {
    private NumericCsv() {
    }

    /**
     * @param file a CSV file of numbers without a header
     * @return rows {@code [step][column]}
     */
    public static double[][] read(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(source, "file not found");
        }
        List<double[]> rows = new ArrayList<>();
        try (CSVRecordReader reader = new CSVRecordReader(0, ',', '"')) {
            reader.initialize(new FileSplit(file.toFile()));
            while (reader.hasNext()) {
                Record record = reader.nextRecord();
                int line = ((RecordMetaDataLine) record.getMetaData()).getLineNumber() + 1;
                List<Writable> fields = record.getRecord();
                if (fields.size() == 1 && fields.get(0).toString().isBlank()) {
                    continue;
                }
                if (!rows.isEmpty() && fields.size() != rows.get(0).length) {
                    throw new DataException(source, line, null, "has " + fields.size() + " values but the first row has "
                            + rows.get(0).length);
                }
                double[] row = new double[fields.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = number(fields.get(c).toString().trim(), source, line, c + 1);
                }
                rows.add(row);
            }
        } catch (IOException | InterruptedException e) {
            throw new DataException(source, "cannot read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DataException(source, "file is empty (expected one row of numbers per time step)");
        }
        return rows.toArray(new double[0][]);
    }

    private static double number(String text, String source, int line, int column) {
        Double v = CsvNumbers.parse(text);
        if (v == null) {
            throw new DataException(source, line, "#" + column, text.isEmpty() ? "blank value"
                    : "'" + text + "' is not a number" + (line == 1 ? " (the file must have no header row)" : ""));
        }
        if (!Double.isFinite(v)) {
            throw new DataException(source, line, "#" + column, "'" + text + "' is not a finite number");
        }
        return v;
    }
}
