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
        folder.chart("forecast-loss", loss.build());
        folder.table("forecasts", StockReport.forecastTable(r.forecasts()));
        decay(folder, r.decay());
        exploding(folder, r);
    }

    private static void forecast(RunFolder folder, StockResult r) {
        var first = r.forecasts().get(0).evaluation();
        int n = first.actual().length;
        double[] actual = new double[n];
        double[] naive = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = first.actual()[i][0];
            naive[i] = i == 0 ? Double.NaN : first.actual()[i - 1][0];
        }
        LineChart.Builder c = LineChart.builder("Next-day forecast against the actual price (test part)",
                "day of the test part", "price (series units)");
        c.add(LineChart.Series.indexed("actual", actual));
        c.add(LineChart.Series.indexed("naive: yesterday's price", naive).asReference());
        for (CellForecast f : r.forecasts()) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = f.evaluation().forecasts()[i][0];
            }
            c.add(LineChart.Series.indexed(f.cell().displayName() + " forecast", y));
        }
        folder.chart("forecast-vs-actual", c.build());
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
