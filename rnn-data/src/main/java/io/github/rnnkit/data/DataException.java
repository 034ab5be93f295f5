package io.github.rnnkit.data;

/**
 * Bad input data, reported with where it is: the source (a file name or a description such as
 * {@code "values"}), the 1-based line, and the column, each when known.
 *
 * <p>The message reads {@code "prices.csv, line 14, column 'close': 'abc' is not a number"}, so
 * that a command line can print it as it is.
 */
public class DataException extends IllegalArgumentException {
    /**
     * File name or description of the data's origin; may be null.
     */
    private final String source;
    /**
     * 1-based line, or 0 when the problem is not on one line.
     */
    private final int line;
    /**
     * Column name, or null.
     */
    private final String column;
    /**
     * What is wrong, without the location.
     */
    private final String problem;

    /**
     * @param source  file name or description of where the data came from; may be null
     * @param line    1-based line number, or 0 when the problem is not on one line
     * @param column  column name, or null when the problem is not in one column
     * @param problem what is wrong, and where possible what to do about it
     */
    public DataException(String source, int line, String column, String problem) {
        super(format(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * A problem with a whole source rather than one line or column.
     *
     * @param source file name or description of where the data came from
     * @param problem what is wrong
     */
    public DataException(String source, String problem) {
        this(source, 0, null, problem);
    }

    private static String format(String source, int line, String column, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
        }
        if (column != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("column '").append(column).append('\'');
        }
        return sb.length() > 0 ? sb + ": " + problem : problem;
    }

    /** @return the file name or description of the data, or null */
    public String source() {
        return source;
    }

    /** @return the 1-based line, or 0 when not on one line */
    public int line() {
        return line;
    }

    /** @return the column name, or null */
    public String column() {
        return column;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }
}
