package io.github.rnnkit.apps.stock;

import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.train.EpochRecord;
import io.github.rnnkit.data.prep.PriceDataset;

import java.util.Locale;

/** The charts of {@code rnnkit stock}, each with its CSV. */
final class StockCharts {
    private StockCharts() {
    }

    static void write(RunFolder folder, StockResult r, PriceDataset data) {
        forecast(folder, r);
        LineChart.Builder loss = LineChart.builder("Price forecast: validation loss per epoch", "epoch",
                "mean squared error on validation windows (scaled units)");
        r.forecasts().forEach(f -> loss.add(LineChart.Series.counted(f.cell().displayName(),
                f.history().epochs().stream().map(EpochRecord::validationLoss).toList())));
        loss.add(LineChart.Series.bestEpochs(r.forecasts().stream().map(CellForecast::history).toList()));
        folder.chart("forecast-loss", loss.build());
        folder.table("forecasts", StockReport.forecastTable(r.forecasts()));
        decay(folder, r.decay());
        exploding(folder, r);
    }

    /** Days of the test part the forecast chart shows: few enough that the lines can be told apart. */
    static final int FORECAST_DAYS = 30;
    /** Days each point of the error chart averages over. */
    static final int ERROR_DAYS = 20;

    private static void forecast(RunFolder folder, StockResult r) {
        var first = r.forecasts().get(0).evaluation();
        int n = first.actual().length;
        int from = Math.max(1, n - FORECAST_DAYS);
        LineChart.Builder c = LineChart.builder("Next-day forecast against the actual price, last " + (n - from)
                + " days of the test part", "day of the test part", "price (series units)");
        c.add(window("actual", from, n, i -> first.actual()[i][0]));
        c.add(window("naive: yesterday's price", from, n, i -> first.actual()[i - 1][0]).asReference());
        for (CellForecast f : r.forecasts()) {
            c.add(window(f.cell().displayName() + " forecast", from, n, i -> f.evaluation().forecasts()[i][0]));
        }
        folder.chart("forecast-vs-actual", c.build());
        LineChart.Builder e = LineChart.builder("Forecast error over the test part, " + ERROR_DAYS + "-day moving average",
                "day of the test part", "mean |forecast - actual| over " + ERROR_DAYS + " days (series units)");
        e.add(movingError("naive: yesterday's price", first.actual(), i -> first.actual()[i - 1][0]).asReference());
        for (CellForecast f : r.forecasts()) {
            e.add(movingError(f.cell().displayName(), first.actual(), i -> f.evaluation().forecasts()[i][0]));
        }
        folder.chart("forecast-error", e.build());
    }

    private static LineChart.Series window(String name, int from, int to, java.util.function.IntToDoubleFunction value) {
        double[] x = new double[to - from];
        double[] y = new double[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = i;
            y[i - from] = value.applyAsDouble(i);
        }
        return new LineChart.Series(name, x, y);
    }

    /** Days 1.. of the test part (day 0 has no naive forecast, so every line starts at the same day). */
    private static LineChart.Series movingError(String name, double[][] actual, java.util.function.IntToDoubleFunction forecast) {
        int n = actual.length;
        int points = Math.max(0, n - ERROR_DAYS);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int p = 0; p < points; p++) {
            double sum = 0;
            for (int i = p + 1; i <= p + ERROR_DAYS; i++) {
                sum += Math.abs(forecast.applyAsDouble(i) - actual[i][0]);
            }
            x[p] = p + ERROR_DAYS;
            y[p] = sum / ERROR_DAYS;
        }
        return new LineChart.Series(name, x, y);
    }

    private static void decay(RunFolder folder, GradientDecay d) {
        LineChart.Builder c = LineChart.builder("Vanilla RNN: gradient reaching each input step, by spectral radius",
                "distance from the last input step (steps)", "mean ||dL/dx_t|| (log scale)").optLogY();
        for (GradientDecay.RadiusRun run : d.rescaled()) {
            c.add(LineChart.Series.indexed(String.format(Locale.ROOT, "radius %.2g, measured", run.radius()), run.byDistance()));
        }
        c.add(LineChart.Series.indexed(String.format(Locale.ROOT, "as trained (radius %.2f), measured", d.trained().radius()),
                d.trained().byDistance()));
        for (GradientDecay.RadiusRun run : d.rescaled()) {
            double[] y = new double[run.byDistance().length];
            for (int k = 0; k < y.length; k++) {
                y[k] = run.byDistance()[0] * Math.pow(run.radius(), k);
            }
            c.add(LineChart.Series.indexed(String.format(Locale.ROOT, "%.2g^d", run.radius()), y).asReference());
        }
        folder.chart("gradient-decay", c.build());
    }

    private static void exploding(RunFolder folder, StockResult r) {
        LineChart.Builder loss = LineChart.builder("Exploding gradients: training loss per update (SGD, large learning rate)",
                "update", "training loss, MSE in scaled units (log scale)").optLogY();
        LineChart.Builder norm = LineChart.builder("Exploding gradients: recurrent layer's gradient norm before clipping",
                "update", "||g|| per example (log scale)").optLogY();
        for (ExplodingRun e : r.exploding()) {
            loss.add(LineChart.Series.counted(e.label() + (e.diverged() ? " (diverged at update " + e.divergedAt() + ")" : ""),
                    e.loss()));
            norm.add(LineChart.Series.counted(e.label(), e.gradientNorm()));
        }
        ExplodingRun clipped = r.exploding().get(2);
        int updates = r.exploding().stream().mapToInt(e -> e.gradientNorm().size()).max().orElse(1);
        norm.add(LineChart.Series.horizontal("clipping threshold", 1, Math.max(2, updates), clipped.clipping().threshold()));
        folder.chart("exploding-loss", loss.build());
        ExplodingRun longRun = r.exploding().get(0);
        if (!longRun.stateGradients().isEmpty()) {
            LineChart.Builder h = LineChart.builder("Exploding gradients: ||dL/dh_t|| by step back, " + longRun.label(),
                    "distance from the last step (steps)", "mean ||dL/dh_t|| over " + StockApp.PROBE_WINDOWS
                            + " training windows (log scale)").optLogY();
            longRun.stateGradients().forEach((update, byDistance) -> h.add(LineChart.Series.indexed(String.format(Locale.ROOT,
                    "at update %d%s (x%.3g per step back)", update, update == longRun.largestGradientUpdate()
                            ? ", largest ||g||" : "", longRun.stateGradientFactor(update)), byDistance)));
            folder.chart("exploding-state-gradients", h.build());
        }
        folder.chart("exploding-gradients", norm.build());
    }
}
