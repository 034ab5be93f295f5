package io.github.rnnkit.data.series;

/** Parsing of numeric CSV fields; package-private helpers shared by the series readers. */
final class Numbers {
    private Numbers() {
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isNaN(String s) {
        return isNumber(s) && Double.isNaN(Double.parseDouble(s));
    }
}
