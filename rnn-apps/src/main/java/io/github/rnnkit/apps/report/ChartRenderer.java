package io.github.rnnkit.apps.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Draws a {@link LineChart} to a PNG with XChart: title, labelled axes, a legend. */
public final class ChartRenderer {
    /** 900 x 540 pixels: readable in a Markdown viewer at full width. */
    static final int WIDTH = 900;
    static final int HEIGHT = 540;
    /** Markers only help on short series; long ones (iterations, time steps) become solid blobs. */
    private static final int MARKER_LIMIT = 40;

    static {
        // Charts are drawn off-screen; without this a machine without a display fails in AWT.
        System.setProperty("java.awt.headless", "true");
    }

    /** Up to this many decades XChart's own log axis is used. */
    private static final double NATIVE_LOG_DECADES = 4;
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[]{8f, 6f}, 0f);

    /** Reference lines are dashed in greys and browns so they read as guides, not data. */
    private static final Color[] REFERENCE_COLORS = {Color.DARK_GRAY, new Color(150, 90, 40), Color.GRAY};

    private ChartRenderer() {
    }

    private static double minPositive(LineChart c) {
        return c.series().stream().flatMapToDouble(s -> Arrays.stream(s.y())).filter(y -> y > 0 && Double.isFinite(y))
                .min().orElse(1);
    }

    private static double decades(LineChart c) {
        double max = c.series().stream().flatMapToDouble(s -> Arrays.stream(s.y())).filter(y -> y > 0 && Double.isFinite(y))
                .max().orElse(1);
        return Math.log10(max / minPositive(c));
    }

    /** @return the label of the point at log10(y) = {@code exponent}: 0.01, 1e-20, or 0.316 between powers */
    static String powerOfTen(double exponent) {
        long whole = Math.round(exponent);
        if (Math.abs(exponent - whole) < 1e-9) {
            return whole >= -3 && whole <= 4 ? BigDecimal.ONE.scaleByPowerOfTen((int) whole).toPlainString() : "1e" + whole;
        }
        return String.format(Locale.ROOT, "%.3g", Math.pow(10, exponent));
    }

    /**
     * The points of one series the axis cannot show: infinite, or at or below 0 on a log axis
     * (a gradient that underflowed, a loss that overflowed). NaN is not among them: it marks a
     * value that does not exist (an epoch without validation).
     *
     * @param x     the x of each point the axis cannot show
     * @param above true for each point beyond the top (+∞), false below the bottom (0, below 0 on a log axis, −∞)
     */
    record OffAxis(double[] x, boolean[] above) {
        int count(boolean top) {
            int n = 0;
            for (boolean a : above) {
                n += a == top ? 1 : 0;
            }
            return n;
        }
    }

    /** @return the points of {@code s} that {@code chart}'s axes cannot show */
    static OffAxis offAxis(LineChart chart, LineChart.Series s) {
        List<Double> xs = new ArrayList<>();
        List<Boolean> above = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i];
            double y = s.y()[i];
            if (!Double.isFinite(x) || (chart.logX() && x <= 0) || Double.isNaN(y)) {
                continue;
            }
            if (y == Double.POSITIVE_INFINITY || y == Double.NEGATIVE_INFINITY || (chart.logY() && y <= 0)) {
                xs.add(x);
                above.add(y == Double.POSITIVE_INFINITY);
            }
        }
        boolean[] a = new boolean[above.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = above.get(i);
        }
        return new OffAxis(xs.stream().mapToDouble(Double::doubleValue).toArray(), a);
    }

    /**
     * Draws the points no axis can show as triangles at the plot's edge, ▲ above it for +∞ and ▼
     * below it for 0 (or below) on a log axis and −∞, named in the legend with their count, so that
     * a line that stops is not mistaken for a run that ended.
     */
    private static void markOffAxis(XYChart xy, LineChart chart, double low, double high, boolean nativeLog) {
        double margin = high > low ? 0.04 * (high - low) : 0.5;
        // on XChart's own log axis the edge is a factor away (every value there must stay above 0)
        double topEdge = nativeLog ? high * 1.3 : high + margin;
        double bottom = nativeLog ? low / 1.3 : low - margin;
        for (LineChart.Series s : chart.series()) {
            OffAxis off = offAxis(chart, s);
            for (boolean top : new boolean[]{true, false}) {
                int n = off.count(top);
                if (n == 0) {
                    continue;
                }
                List<Double> xs = new ArrayList<>();
                for (int i = 0; i < off.x().length; i++) {
                    if (off.above()[i] == top) {
                        xs.add(off.x()[i]);
                    }
                }
                double y = top ? topEdge : bottom;
                XYSeries m = xy.addSeries(String.format(Locale.ROOT, "%s: %d %s", s.name(), n,
                        top ? "infinite" : chart.logY() ? "zero" : "-infinite"), xs, java.util.Collections.nCopies(xs.size(), y));
                m.setMarker(top ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
                m.setLineStyle(new BasicStroke(0f));
                m.setLineColor(new Color(0, 0, 0, 0));
                m.setMarkerColor(Color.RED);
            }
        }
    }

    /** About as many characters of series names as one row of the legend holds across the image. */
    private static final int LEGEND_ROW_CHARS = 110;

    /** Beyond this many points, {@link #spaceXLabels} applies. */
    private static final int LONG_SERIES = 30;

    /**
     * On evenly spaced x values XChart labels every k-th value with k just large enough for the
     * labels to touch ("105140175…" over 1,000 steps) and ignores the tick spacing hint. One
     * invisible point half a step off the grid makes the spacing uneven, so XChart places round
     * ticks by the hint instead. It is not in the legend or in the chart's CSV.
     */
    private static void spaceXLabels(XYChart xy) {
        XYSeries longest = xy.getSeriesMap().values().stream()
                .max(java.util.Comparator.comparingInt(series -> series.getXData().length)).orElseThrow();
        double[] x = longest.getXData();
        double[] y = longest.getYData();
        XYSeries off = xy.addSeries("\u200b", new double[]{(x[0] + x[1]) / 2}, new double[]{y[0]});
        off.setMarker(SeriesMarkers.NONE);
        off.setLineColor(new Color(0, 0, 0, 0));
        off.setShowInLegend(false);
    }

    /**
     * Writes {@code chart} as a PNG to {@code file}.
     *
     * @param chart the chart
     * @param file the PNG file
     */
    public static void png(LineChart chart, Path file) {
        XYChart xy = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(chart.title()).xAxisTitle(chart.xLabel())
                .yAxisTitle(chart.yLabel()).build();
        XYStyler st = xy.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        // One row of legend entries runs off both edges of the image once the names are long.
        int legendChars = chart.series().stream().mapToInt(x -> x.name().length() + 6).sum();
        st.setLegendLayout(legendChars > LEGEND_ROW_CHARS ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        st.setXAxisLogarithmic(chart.logX());
        // XChart's own log axis draws a grid line per unit of every decade: unreadable over the
        // 30+ decades a vanishing gradient spans. Beyond a few decades, plot log10(y) on a linear
        // axis and label it as y; within a few, XChart's log axis reads better. Within less than
        // two it labels one or two powers of ten, so there too log10(y) gets labels between them.
        double decades = decades(chart);
        boolean log10Y = chart.logY() && (decades > NATIVE_LOG_DECADES || decades < 2);
        if (log10Y) {
            st.setyAxisTickLabelsFormattingFunction(ChartRenderer::powerOfTen);
        } else if (chart.logY()) {
            st.setYAxisLogarithmic(true);
            st.setYAxisDecimalPattern(minPositive(chart) < 1e-3 ? "0.#E0" : "#,##0.####");
        }
        List<String> categories = chart.xCategories();
        if (categories != null) {
            // Not "": XChart hands every label to a TextLayout, which refuses empty text (one category).
            st.setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) && x >= 0 && x < categories.size()
                    ? categories.get((int) Math.rint(x)) : " ");
        }
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(220, 220, 220));
        st.setDecimalPattern("#,##0.###");
        st.setToolTipsEnabled(false);
        // XChart's default packs 3-digit x labels edge to edge on long series.
        st.setXAxisTickMarkSpacingHint(100);
        boolean anyPoint = false;
        int references = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (LineChart.Series s : chart.series()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (Double.isFinite(x) && Double.isFinite(y) && (!chart.logY() || y > 0) && (!chart.logX() || x > 0)) {
                    xs.add(x);
                    ys.add(log10Y ? Math.log10(y) : y);
                    low = Math.min(low, ys.get(ys.size() - 1));
                    high = Math.max(high, ys.get(ys.size() - 1));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            anyPoint = true;
            XYSeries series = xy.addSeries(s.name(), xs, ys);
            series.setMarker(s.style() == LineChart.Series.Style.POINTS ? SeriesMarkers.DIAMOND
                    : xs.size() <= MARKER_LIMIT && !s.reference() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (s.style() == LineChart.Series.Style.POINTS) {
                series.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarkerColor(Color.BLACK);
            }
            if (s.reference()) {
                series.setLineStyle(DASHED);
                series.setLineColor(REFERENCE_COLORS[references++ % REFERENCE_COLORS.length]);
            }
        }
        if (anyPoint) {
            markOffAxis(xy, chart, low, high, chart.logY() && !log10Y);
        }
        if (anyPoint && categories == null && xy.getSeriesMap().values().stream()
                .anyMatch(series -> series.getXData().length > LONG_SERIES)) {
            spaceXLabels(xy);
        }
        if (!anyPoint) {
            // XChart cannot draw an empty chart; say so on the chart rather than fail the run.
            xy.addSeries("no finite values to draw", new double[]{0, 1}, new double[]{1, 1});
        }
        try {
            BitmapEncoder.saveBitmap(xy, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }
}
