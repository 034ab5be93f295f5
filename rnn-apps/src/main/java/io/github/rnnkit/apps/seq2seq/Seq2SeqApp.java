package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.apps.report.HeatMap;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The encoder-decoder walkthrough: the bottleneck sweep, multi-step prices and multi-day weather,
 * written as report.md, PNG charts (accuracy against length, attention heat maps, error per day
 * ahead) and CSV tables.
 */
public final class Seq2SeqApp {
    private Seq2SeqApp() {
    }

    /**
     * What {@code rnnkit seq2seq} produced.
     *
     * @param dir        the run folder
     * @param report     its report.md
     * @param bottleneck the bottleneck runs
     * @param prices     the price forecasts
     * @param weather    the weather forecasts
     * @param seconds    the whole run's wall time
     */
    public record Result(Path dir, Path report, List<BottleneckExperiment.Run> bottleneck, PriceExperiment.Result prices,
                         WeatherExperiment.Result weather, double seconds) {
    }

    /**
     * @param o        what to run
     * @param resume   continue the unfinished run in {@code o.out()} instead of starting anew
     * @param progress receives a line after each model
     * @return the results and the report's path
     */
    public static Result run(Seq2SeqOptions o, boolean resume, Consumer<String> progress) {
        long start = System.nanoTime();
        PriceExperiment.Series series = PriceExperiment.series(o);
        WriteMode mode = resume ? WriteMode.RESUME : o.force() ? WriteMode.REPLACE : WriteMode.NEW;
        try (RunFolder folder = RunFolder.resumable(o.out(), "seq2seq", mode)) {
            progress.accept("Part 1, the bottleneck: " + o.task().name().toLowerCase(java.util.Locale.ROOT) + " " + o.trainPairs()
                    + " sequences x " + o.epochs() + " epochs per run, lengths " + o.lengths());
            List<BottleneckExperiment.Run> runs = BottleneckExperiment.run(o, folder, progress);
            progress.accept("Part 2, prices");
            PriceExperiment.Result prices = PriceExperiment.run(o, series, progress);
            progress.accept("Part 3, weather");
            WeatherExperiment.Result weather = WeatherExperiment.run(o, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            Result partial = new Result(folder.dir(), null, runs, prices, weather, seconds);
            folder.table("bottleneck", Seq2SeqReport.bottleneckTable(runs));
            for (CellType cell : o.cells()) {
                folder.chart("bottleneck-token-" + cell.label(), lengthChart(o, runs, cell, true));
                folder.chart("bottleneck-sequence-" + cell.label(), lengthChart(o, runs, cell, false));
            }
            for (BottleneckExperiment.Run r : heatMapRuns(o, runs)) {
                folder.heatMap("attention-" + r.cell().label() + "-" + r.attention().label() + "-" + r.length(),
                        new HeatMap(r.cell().displayName() + ", " + r.attention().label() + " attention, " + o.task().name()
                                .toLowerCase(java.util.Locale.ROOT) + " of length " + r.length() + ": weights of the first test pair",
                                r.weights(), "decoder step", "source step", null, null));
            }
            folder.table("prices", Seq2SeqReport.priceTable(prices));
            folder.chart("prices-rmse", priceChart(prices));
            folder.table("weather", Seq2SeqReport.weatherTable(weather));
            folder.chart("weather-accuracy", weatherChart(weather));
            Path report = folder.text("report.md", Seq2SeqReport.markdown(o, partial));
            folder.dropProgress(BottleneckExperiment.PROGRESS);
            folder.commit();
            return new Result(folder.dir(), report, runs, prices, weather, seconds);
        }
    }

    /**
     * @return the runs whose attention the report draws: each attention kind of the last cell, at
     *         the length closest to 20 and at the longest
     */
    static List<BottleneckExperiment.Run> heatMapRuns(Seq2SeqOptions o, List<BottleneckExperiment.Run> runs) {
        CellType cell = o.cells().get(o.cells().size() - 1);
        int longest = o.lengths().stream().mapToInt(Integer::intValue).max().orElse(1);
        int mid = o.lengths().stream().min(java.util.Comparator.comparingInt(l -> Math.abs(l - 20))).orElse(longest);
        return runs.stream().filter(r -> r.cell() == cell && (r.length() == mid || r.length() == longest) && r.weights() != null)
                .toList();
    }

    private static LineChart lengthChart(Seq2SeqOptions o, List<BottleneckExperiment.Run> runs, CellType cell, boolean token) {
        LineChart.Builder c = LineChart.builder(cell.displayName() + ": " + (token ? "token" : "whole-sequence")
                        + " accuracy of greedy decoding against length (" + o.task().name().toLowerCase(java.util.Locale.ROOT) + ")",
                "source length", token ? "token accuracy" : "sequence accuracy");
        for (AttentionKind kind : o.attentions()) {
            List<BottleneckExperiment.Run> rs = runs.stream().filter(r -> r.cell() == cell && r.attention() == kind).toList();
            c.add(new LineChart.Series(kind.label(), rs.stream().mapToDouble(BottleneckExperiment.Run::length).toArray(),
                    rs.stream().mapToDouble(r -> token ? r.token() : r.sequence()).toArray()));
        }
        double lo = o.lengths().stream().mapToInt(Integer::intValue).min().orElse(1);
        double hi = o.lengths().stream().mapToInt(Integer::intValue).max().orElse(1);
        if (token) {
            c.add(LineChart.Series.horizontal("chance (1/" + o.vocabulary() + ")", lo, hi, 1.0 / o.vocabulary()));
        }
        return c.build();
    }

    private static LineChart priceChart(PriceExperiment.Result r) {
        LineChart.Builder c = LineChart.builder("RMSE per day ahead on the test part (" + r.series() + ")", "day ahead",
                "RMSE (price units)");
        for (String m : r.evaluation().forecasters()) {
            c.add(LineChart.Series.counted(m, java.util.Arrays.stream(r.evaluation().score(m)).boxed().toList()));
        }
        return c.build();
    }

    private static LineChart weatherChart(WeatherExperiment.Result r) {
        LineChart.Builder c = LineChart.builder("Accuracy per day ahead, Seattle weather test part", "day ahead", "accuracy");
        for (String m : r.evaluation().forecasters()) {
            c.add(LineChart.Series.counted(m, java.util.Arrays.stream(r.evaluation().score(m)).boxed().toList()));
        }
        return c.build();
    }
}
