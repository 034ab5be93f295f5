package io.github.rnnkit.data.csv;

import java.util.Locale;

/**
 * Parsing of numeric CSV fields, accepting Java's spellings and those pandas and numpy write
 * ({@code nan}, {@code inf}, {@code -inf}), so that such values are reported as NaN or infinite
 * rather than as text.
 */
public final class CsvNumbers {
    private CsvNumbers() {
    }

    /**
     * @param s the trimmed text of a cell
     * @return the value, or null when the text is not a number
     */
    public static Double parse(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // Java also reads "1d" and "0x1p3"; a CSV price with those is a typo, not a number.
                if (t.endsWith("d") || t.endsWith("f") || t.contains("x")) {
                    return null;
                }
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }

    /**
     * @param s the trimmed text of a cell
     * @return true when the text reads as a number (NaN and infinity included)
     */
    public static boolean isNumber(String s) {
        return parse(s) != null;
    }

    /**
     * @param s the trimmed text of a cell
     * @return true when the text is one of the spellings of NaN
     */
    public static boolean isNaN(String s) {
        Double d = parse(s);
        return d != null && d.isNaN();
    }
}
