package io.github.rnnkit.apps.common;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one check of each kind of option value, shared by every command that takes such an option:
 * picocli reports a refusal as {@code Invalid value for option '--batch': ...} with exit status 2,
 * before anything runs, so that no command silently replaces a value by a default.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /** A count of at least 1: epochs, batch, look-back, horizon, hidden size, steps, layers. */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int v = integer(value);
            if (v < 1) {
                throw new TypeConversionException("must be at least 1, got " + v);
            }
            return v;
        }
    }

    /** A count of at least 0: patience (0 never stops early), warm-up steps, threads (0 = the library's default). */
    public static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int v = integer(value);
            if (v < 0) {
                throw new TypeConversionException("must be at least 0, got " + v);
            }
            return v;
        }
    }

    /** A learning rate: a finite number above 0. */
    public static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = number(value);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new TypeConversionException("must be a finite number above 0, got " + value.trim());
            }
            return v;
        }
    }

    /** A dropout probability, in [0, 1). */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = number(value);
            if (!(v >= 0 && v < 1)) {
                throw new TypeConversionException("must be at least 0 and below 1, got " + value.trim());
            }
            return v;
        }
    }

    /** A finite number (the toy RNN's weights). */
    public static final class Finite implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = number(value);
            if (!Double.isFinite(v)) {
                throw new TypeConversionException("must be a finite number, got " + value.trim());
            }
            return v;
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number"
                    + (value.trim().matches("[+-]?\\d+") ? " in range (at most " + Integer.MAX_VALUE + ")" : ""));
        }
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
    }
}
