package io.github.rnnkit.data.split;

import java.util.Locale;

/**
 * Fractions of a series for the chronological train, validation and test parts.
 *
 * @param train      fraction for training, in (0, 1]
 * @param validation fraction for validation, in [0, 1)
 * @param test       fraction for testing, in [0, 1)
 */
public record SplitFractions(double train, double validation, double test) {
    /** The default: 70 % train, 15 % validation, 15 % test. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.7, 0.15, 0.15);
    /**
     * Checks that the training fraction is in (0, 1], the others in [0, 1), and that they add up to 1.
     *
     * @param train fraction for training, in (0, 1]
     * @param validation fraction for validation, in [0, 1)
     * @param test fraction for testing, in [0, 1)
     */
    public SplitFractions {
        check("train", train, train > 0 && train <= 1);
        check("validation", validation, validation >= 0 && validation < 1);
        check("test", test, test >= 0 && test < 1);
        double sum = train + validation + test;
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "split fractions %s + %s + %s add up to %s; they must add up to 1 (within 1e-9)",
                    exact(train), exact(validation), exact(test), exact(sum)));
        }
    }

    /** Twelve significant digits: enough to show why a sum is not 1 (1.000000001), few enough to hide 0.1's binary error. */
    private static String exact(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static void check(String part, double value, boolean ok) {
        if (!ok || Double.isNaN(value)) {
            throw new IllegalArgumentException("invalid " + part + " fraction " + fmt(value)
                    + (part.equals("train") ? "; it must be above 0 and at most 1" : "; it must be at least 0 and below 1"));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    /**
     * Parses {@code "0.7,0.15,0.15"} (train, validation, test) or {@code "0.8,0.2"} (train, test).
     *
     * @param text two or three comma-separated fractions
     * @return the fractions
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static SplitFractions parse(String text) {
        String[] parts = text.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("split '" + text
                    + "' must be train,validation,test or train,test fractions, e.g. 0.7,0.15,0.15");
        }
        double[] f = new double[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                f[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("split '" + text + "': '" + parts[i].trim() + "' is not a number");
            }
        }
        return parts.length == 2 ? new SplitFractions(f[0], 0, f[1]) : new SplitFractions(f[0], f[1], f[2]);
    }

    @Override
    public String toString() {
        return fmt(train) + "," + fmt(validation) + "," + fmt(test);
    }
}
