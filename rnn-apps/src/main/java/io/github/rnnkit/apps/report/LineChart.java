package io.github.rnnkit.apps.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as data: what {@link ChartRenderer} draws and what its CSV holds.
 *
 * @param title  the chart's title
 * @param xLabel x-axis label, with units
 * @param yLabel y-axis label, with units
 * @param logX   logarithmic x axis
 * @param logY   logarithmic y axis (for decays and growth); points at or below 0 are left out of the drawing
 * @param series one line per series
 * @param xCategories labels of x = 0, 1, 2, ... (evenly spaced settings such as lags), or null for a numeric x axis
 */
public record LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series,
                        List<String> xCategories) {
    /**
     * Copies the series.
     *
     * @param title the chart's title
     * @param xLabel x-axis label, with units
     * @param yLabel y-axis label, with units
     * @param logX logarithmic x axis
     * @param logY logarithmic y axis (for decays and growth); points at or below 0 are left out of the drawing
     * @param series one line per series
     * @param xCategories labels of x = 0, 1, 2, ... (evenly spaced settings such as lags), or null for a numeric x axis
     */
    public LineChart {
        series = List.copyOf(series);
        xCategories = xCategories == null ? null : List.copyOf(xCategories);
    }

    /**
     * @param extra a series to draw over the others
     * @return this chart with {@code extra} added last
     */
    public LineChart with(Series extra) {
        List<Series> all = new java.util.ArrayList<>(series);
        all.add(extra);
        return new LineChart(title, xLabel, yLabel, logX, logY, all, xCategories);
    }

    /**
     * One line.
     *
     * @param name legend entry
     * @param x    x values
     * @param y    y values, as many as x; NaN leaves a point out
     * @param style how the series is drawn
     */
    public record Series(String name, double[] x, double[] y, Style style) {
        /** How a series is drawn. */
        public enum Style {
            /** a solid line, with a marker per point when there are few */
            LINE,
            /** a dashed grey line: a baseline or a bound */
            REFERENCE,
            /** markers alone, no line: points picked out of other series (e.g. each curve's best epoch) */
            POINTS
        }

        /**
         * The epoch each run kept (its lowest validation loss), as points to draw over validation-loss
         * curves.
         *
         * @param histories the runs' histories, in the order of their curves
         * @return one point per run that validated, at (best epoch, its validation loss)
         */
        public static Series bestEpochs(List<io.github.rnnkit.core.train.TrainingHistory> histories) {
            List<double[]> pts = new java.util.ArrayList<>();
            for (var h : histories) {
                if (h.bestEpoch() > 0 && Double.isFinite(h.epochs().get(h.bestEpoch() - 1).validationLoss())) {
                    pts.add(new double[]{h.bestEpoch(), h.epochs().get(h.bestEpoch() - 1).validationLoss()});
                }
            }
            return points("best epoch (the parameters kept)", pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
        }

        /** @return true for a reference line */
        public boolean reference() {
            return style == Style.REFERENCE;
        }

        /**
         * Points drawn as markers without a line.
         *
         * @param name the legend's name
         * @param x the x values
         * @param y the y values
         * @return the series
         */
        public static Series points(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.POINTS);
        }

        /**
         * A plain line (not a reference line).
         *
         * @param name the legend's name
         * @param x the x values
         * @param y the y values
         */
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, Style.LINE);
        }

        /**
         * Checks that x and y have the same length.
         *
         * @param name legend entry
         * @param x    x values
         * @param y    y values, as many as x; NaN leaves a point out
         * @param style how the series is drawn
         */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values and " + y.length + " y values");
            }
        }

        /**
         * A horizontal reference line at {@code y} from {@code x0} to {@code x1}.
         *
         * @param name the legend's name
         * @param x0 where the line starts
         * @param x1 where it ends
         * @param y its height
         * @return the line
         */
        public static Series horizontal(String name, double x0, double x1, double y) {
            return new Series(name, new double[]{x0, x1}, new double[]{y, y}, Style.REFERENCE);
        }

        /**
         * The same points drawn as a reference line.
         *
         * @return the same points, drawn as a reference
         */
        public Series asReference() {
            return new Series(name, x, y, Style.REFERENCE);
        }

        /**
         * A series over x = 0, 1, 2, ...
         *
         * @param name the legend's name
         * @param y the values
         * @return the series
         */
        public static Series indexed(String name, double[] y) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return new Series(name, x, y);
        }

        /**
         * A series over x = 1, 2, 3, ... (epochs, iterations)
         *
         * @param name the legend's name
         * @param y the values
         * @return the series
         */
        public static Series counted(String name, List<Double> y) {
            double[] xs = new double[y.size()];
            double[] ys = new double[y.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i + 1;
                ys[i] = y.get(i);
            }
            return new Series(name, xs, ys);
        }
    }

    /**
     * @param title the chart's title
     * @param xLabel the x axis's label
     * @param yLabel the y axis's label
     * @return a builder with linear axes
     */
    public static Builder builder(String title, String xLabel, String yLabel) {
        return new Builder(title, xLabel, yLabel);
    }

    /** @return the data in long form: one row per point with its series name */
    public Table table() {
        Table.Builder t = Table.builder("series", xLabel, yLabel);
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                t.row(s.name(), xCategories != null && x == Math.rint(x) && x >= 0 && x < xCategories.size()
                        ? xCategories.get((int) x) : x, s.y()[i]);
            }
        }
        return t.build();
    }

    /** Builder. */
    public static final class Builder {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private boolean logX;
        private boolean logY;
        private final List<Series> series = new ArrayList<>();
        private List<String> xCategories;

        private Builder(String title, String xLabel, String yLabel) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        /**
         * Draws the x axis on a logarithmic scale.
         *
         * @return this builder
         */
        public Builder optLogX() {
            logX = true;
            return this;
        }

        /**
         * Draws the y axis on a logarithmic scale.
         *
         * @return this builder
         */
        public Builder optLogY() {
            logY = true;
            return this;
        }

        /**
         * Evenly spaced x positions 0, 1, 2, ... labelled with these names.
         *
         * @param labels one label per x position
         * @return this builder
         */
        public Builder optXCategories(List<String> labels) {
            xCategories = labels;
            return this;
        }

        /**
         * Adds a line.
         *
         * @param s the line
         * @return this builder
         */
        public Builder add(Series s) {
            series.add(s);
            return this;
        }

        /**
         * @return the chart
         */
        public LineChart build() {
            if (series.isEmpty()) {
                throw new IllegalStateException("chart '" + title + "' has no series");
            }
            return new LineChart(title, xLabel, yLabel, logX, logY, series, xCategories);
        }
    }
}
