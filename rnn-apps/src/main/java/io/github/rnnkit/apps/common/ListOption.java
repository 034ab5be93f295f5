package io.github.rnnkit.apps.common;

import io.github.rnnkit.core.spec.CellType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses comma-separated option values, naming the option in every error. */
public final class ListOption {
    private ListOption() {
    }

    /**
     * @param option the option's name, for errors
     * @param text the option's value
     * @return the cells of e.g. {@code "rnn,lstm,gru"}
     */
    public static List<CellType> cells(String option, String text) {
        List<CellType> cells = new ArrayList<>();
        for (String part : split(option, text)) {
            try {
                CellType c = CellType.parse(part);
                if (cells.contains(c)) {
                    throw new IllegalArgumentException(option + " names " + part + " twice");
                }
                cells.add(c);
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(option) ? e : new IllegalArgumentException(option + ": " + e.getMessage());
            }
        }
        return cells;
    }

    /**
     * @param option the option's name, for errors
     * @param text the option's value
     * @return the positive integers of e.g. {@code "5,10,20"}
     */
    public static List<Integer> positiveInts(String option, String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : split(option, text)) {
            try {
                int v = Integer.parseInt(part);
                if (v < 1) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + part + "' is not a positive whole number");
            }
        }
        return values;
    }

    private static List<String> split(String option, String text) {
        List<String> parts = Arrays.stream(text.split(",")).map(String::trim).toList();
        if (text.isBlank() || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(option + " '" + text + "' has an empty entry; give a comma-separated list");
        }
        return parts;
    }
}
