package io.github.rnnkit.data.series;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.split.IndexRange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A numeric series with one or more features per time step, for example a stock's close price
 * and traded volume per trading day. Feature 0 is the target a model forecasts; the others are
 * extra inputs. Values are in the data's own units (a currency, shares). Immutable.
 */
public final class PriceSeries {
    private final List<String> features;
    private final double[][] values;
    private final TimeIndex index;
    private final int[] missingLines;

    PriceSeries(List<String> features, double[][] values, TimeIndex index, int[] missingLines) {
        if (values.length == 0) {
            throw new DataException(index.source(), 0, features.get(0), "the series is empty");
        }
        this.features = List.copyOf(features);
        this.values = values;
        this.index = index;
        this.missingLines = missingLines.clone();
    }

    /**
     * Builds a one-feature series from values in code.
     *
     * @param name the feature's name
     * @param values the values, one per step
     * @return the series
     * @throws DataException naming the step of a NaN or infinite value
     */
    public static PriceSeries of(String name, double... values) {
        return of(name, values, null);
    }

    /**
     * Builds a dated one-feature series from values in code; {@code dates} may be null.
     *
     * @param name the feature's name
     * @param values the values, one per step
     * @param dates one date per step, increasing, or null
     * @return the series
     */
    public static PriceSeries of(String name, double[] values, List<LocalDate> dates) {
        double[][] rows = new double[values.length][1];
        for (int t = 0; t < values.length; t++) {
            rows[t][0] = values[t];
        }
        return of(List.of(name), rows, dates, name);
    }

    /**
     * Builds a multi-feature series from rows {@code [time][feature]} given in code.
     *
     * @param features feature names, target first
     * @param source   description used in error messages
     * @param rows values {@code [time][feature]}
     * @param dates one date per step, increasing, or null
     * @return the series
     */
    public static PriceSeries of(List<String> features, double[][] rows, List<LocalDate> dates, String source) {
        double[][] copy = new double[rows.length][];
        TimeIndex index = new TimeIndex(source, rows.length, dates, null);
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != features.size()) {
                throw index.error(t, null, rows[t].length + " values for " + features.size() + " features");
            }
            copy[t] = rows[t].clone();
            for (int f = 0; f < copy[t].length; f++) {
                if (!Double.isFinite(copy[t][f])) {
                    throw index.error(t, features.get(f), copy[t][f] + " is not a finite number");
                }
            }
        }
        return new PriceSeries(features, copy, index, new int[0]);
    }

    /**
     * Reads the given columns of a CSV file (target first), with dates from a {@code date} column if there is one.
     *
     * @param file the CSV file
     * @param columns numeric columns, target first
     * @return the series
     */
    public static PriceSeries fromCsv(Path file, String... columns) {
        return SeriesReader.of(file).prices(columns);
    }

    /** @return feature names, target first */
    public List<String> features() {
        return features;
    }

    /** @return number of features per step */
    public int featureCount() {
        return features.size();
    }

    /** @return number of time steps */
    public int length() {
        return values.length;
    }

    /**
     * @param t 0-based step
     * @param f 0-based feature (0 is the target)
     * @return value of feature {@code f} at step {@code t}
     */
    public double get(int t, int f) {
        return values[t][f];
    }

    /**
     * @param f 0-based feature (0 is the target)
     * @return a copy of one feature over all steps
     */
    public double[] feature(int f) {
        double[] out = new double[values.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = values[t][f];
        }
        return out;
    }

    /** @return a copy of the target (feature 0) over all steps */
    public double[] target() {
        return feature(0);
    }

    /** @return the time axis: source, dates and source lines */
    public TimeIndex index() {
        return index;
    }

    /** @return 1-based source lines whose value was blank or NaN and was dropped or filled */
    public int[] missingLines() {
        return missingLines.clone();
    }

    /**
     * @param range steps of this series
     * @return the steps in {@code range} as a series of their own
     */
    public PriceSeries slice(IndexRange range) {
        double[][] part = java.util.Arrays.copyOfRange(values, range.from(), range.to());
        return new PriceSeries(features, part, index.slice(range), new int[0]);
    }
}
