package io.github.rnnkit.data.series;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.split.IndexRange;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A series of categories, one per time step (for example the daily weather: sun, rain, fog).
 * Immutable. Encode it to integer codes with a {@link Vocabulary} fitted on the training part.
 */
public final class CategoricalSeries {
    private final String column;
    private final List<String> values;
    private final TimeIndex index;
    private final int[] missingLines;

    CategoricalSeries(String column, List<String> values, TimeIndex index, int[] missingLines) {
        if (values.isEmpty()) {
            throw new DataException(index.source(), 0, column, "the series is empty");
        }
        this.column = column;
        this.values = List.copyOf(values);
        this.index = index;
        this.missingLines = missingLines.clone();
    }

    /**
     * Builds a series from values in code; {@code name} is used in error messages.
     *
     * @param name the series' name
     * @param values the categories, one per step, none blank
     * @return the series
     */
    public static CategoricalSeries of(String name, List<String> values) {
        for (int t = 0; t < values.size(); t++) {
            String v = values.get(t);
            if (v == null || v.isBlank()) {
                throw new DataException(name, 0, null, "blank category at step " + t);
            }
        }
        return new CategoricalSeries(name, values, TimeIndex.of(name, values.size()), new int[0]);
    }

    /**
     * Builds a dated series from values in code.
     *
     * @param name the series' name
     * @param values the categories, one per step, none blank
     * @param dates one date per step, increasing
     * @return the series
     */
    public static CategoricalSeries of(String name, List<String> values, List<java.time.LocalDate> dates) {
        of(name, values);
        return new CategoricalSeries(name, values, new TimeIndex(name, values.size(), dates, null), new int[0]);
    }

    /**
     * Reads one column of a CSV file, with dates from a column named {@code date} if there is one.
     *
     * @param file the CSV file
     * @param column the column of categories
     * @return the series
     */
    public static CategoricalSeries fromCsv(Path file, String column) {
        return SeriesReader.of(file).categorical(column);
    }

    /** @return the column (or series) name */
    public String column() {
        return column;
    }

    /** @return number of time steps */
    public int length() {
        return values.size();
    }

    /**
     * @param t 0-based step
     * @return the category at step {@code t}
     */
    public String get(int t) {
        return values.get(t);
    }

    /** @return all categories in time order */
    public List<String> values() {
        return values;
    }

    /** @return the time axis: source, dates and source lines */
    public TimeIndex index() {
        return index;
    }

    /** @return 1-based source lines whose value was blank and was dropped or filled */
    public int[] missingLines() {
        return missingLines.clone();
    }

    /**
     * @param range steps of this series
     * @return the steps in {@code range} as a series of their own
     */
    public CategoricalSeries slice(IndexRange range) {
        return new CategoricalSeries(column, values.subList(range.from(), range.to()), index.slice(range), new int[0]);
    }

    /** @return how often each category occurs, most frequent first, ties in first-seen order */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * Encodes every step with a vocabulary.
     *
     * @param vocabulary the categories, e.g. fitted on the training part
     * @return one code per step
     * @throws DataException naming the first category the vocabulary does not know, with its line
     */
    public int[] encode(Vocabulary vocabulary) {
        int[] codes = new int[values.size()];
        for (int t = 0; t < codes.length; t++) {
            int c = vocabulary.indexOf(values.get(t));
            if (c < 0) {
                throw index.error(t, column, "category '" + values.get(t)
                        + "' was not in the training part (known: " + String.join(", ", vocabulary.categories()) + ")");
            }
            codes[t] = c;
        }
        return codes;
    }
}
