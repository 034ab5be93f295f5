package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.spec.CellType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tables and report.md of {@code rnnkit seq2seq}; every statement in it is computed from the runs. */
final class Seq2SeqReport {
    private static final double ALPHA = 0.05;

    private Seq2SeqReport() {
    }

    static Table bottleneckTable(List<BottleneckExperiment.Run> runs) {
        Table.Builder t = Table.builder("cell", "attention", "length", "token accuracy", "sequence accuracy", "updates", "seconds");
        for (BottleneckExperiment.Run r : runs) {
            t.row(r.cell().displayName(), r.attention().label(), r.length(), Table.fixed(r.token(), 3), Table.fixed(r.sequence(), 3),
                    r.updates(), Table.fixed(r.seconds(), 1));
        }
        return t.build();
    }

    static Table priceTable(PriceExperiment.Result r) {
        int h = r.rmse().values().iterator().next().length;
        Table.Builder t = Table.builder("model", "day ahead", "RMSE", "MAE", "DM p vs naive");
        for (String m : r.rmse().keySet()) {
            for (int k = 0; k < h; k++) {
                double[] p = r.pVsNaive().get(m);
                t.row(m, k + 1, Table.num(r.rmse().get(m)[k], 4), Table.num(r.mae().get(m)[k], 4), p == null ? "-" : Table.num(p[k], 3));
            }
        }
        return t.build();
    }

    static Table weatherTable(WeatherExperiment.Result r) {
        int h = r.accuracy().values().iterator().next().length;
        Table.Builder t = Table.builder("forecaster", "day ahead", "accuracy", "McNemar p vs persistence", "McNemar p vs Markov chain");
        for (String m : r.accuracy().keySet()) {
            for (int k = 0; k < h; k++) {
                double[] pp = r.pVsPersistence().get(m);
                double[] pm = r.pVsMarkov().get(m);
                t.row(m, k + 1, Table.fixed(r.accuracy().get(m)[k], 3), pp == null ? "-" : Table.num(pp[k], 3),
                        pm == null ? "-" : Table.num(pm[k], 3));
            }
        }
        return t.build();
    }

    static String markdown(Seq2SeqOptions o, Seq2SeqApp.Result r) {
        StringBuilder md = new StringBuilder();
        String task = o.task().name().toLowerCase(Locale.ROOT);
        md.append("# Sequence to sequence: the bottleneck, prices and weather\n\n");
        md.append(String.format(Locale.ROOT, "Whole run %.0f s on %d worker%s; seed %d; one seed per configuration (single runs: "
                + "differences of a few points between two configurations are within what another seed changes).%n%n",
                r.seconds(), o.workers(), o.workers() == 1 ? "" : "s", o.seed()));
        md.append("## 1. The bottleneck, measured\n\n");
        md.append(String.format(Locale.ROOT, "Task: %s random sequences of %d symbols, every pair of a run of the same length. "
                        + "Every run: %d training pairs x %d epochs = %d updates of 32, Adam %.3g, hidden %d, then greedy decoding of "
                        + "%d unseen pairs up to the end symbol. Token accuracy: the share of target symbols decoded at their "
                        + "place; sequence accuracy: pairs decoded exactly. Chance token accuracy is 1/%d = %.3f.%n%n",
                task, o.vocabulary(), o.trainPairs(), o.epochs(), (o.trainPairs() + 31) / 32 * o.epochs(), o.learningRate(),
                o.hidden(), o.testPairs(), o.vocabulary(), 1.0 / o.vocabulary()));
        md.append("Token accuracy (sequence accuracy in brackets) by source length:\n\n");
        List<Integer> lengths = o.lengths().stream().sorted().toList();
        String[] header = new String[lengths.size() + 2];
        header[0] = "cell";
        header[1] = "attention";
        for (int i = 0; i < lengths.size(); i++) {
            header[i + 2] = "length " + lengths.get(i);
        }
        Table.Builder grid = Table.builder(header);
        for (CellType cell : o.cells()) {
            for (AttentionKind kind : o.attentions()) {
                Object[] row = new Object[lengths.size() + 2];
                row[0] = cell.displayName();
                row[1] = kind.label();
                for (int i = 0; i < lengths.size(); i++) {
                    Optional<BottleneckExperiment.Run> run = find(r.bottleneck(), cell, kind, lengths.get(i));
                    row[i + 2] = run.map(x -> Table.fixed(x.token(), 2) + " (" + Table.fixed(x.sequence(), 2) + ")").orElse("-");
                }
                grid.row(row);
            }
        }
        md.append(grid.build().markdown()).append('\n');
        md.append("What the numbers say, cell by cell (shortest against longest length):\n\n");
        int lo = lengths.get(0);
        int hi = lengths.get(lengths.size() - 1);
        for (CellType cell : o.cells()) {
            StringBuilder line = new StringBuilder("- **" + cell.displayName() + "**: ");
            for (AttentionKind kind : o.attentions()) {
                Optional<BottleneckExperiment.Run> a = find(r.bottleneck(), cell, kind, lo);
                Optional<BottleneckExperiment.Run> b = find(r.bottleneck(), cell, kind, hi);
                if (a.isPresent() && b.isPresent()) {
                    line.append(String.format(Locale.ROOT, "%s %.2f → %.2f%s; ", kind.label(), a.get().token(), b.get().token(),
                            b.get().token() < a.get().token() - 0.05 ? " (falls)" : b.get().token() > a.get().token() + 0.05 ? " (rises)"
                                    : " (holds)"));
                }
            }
            md.append(line.toString().replaceAll("; $", ".")).append('\n');
        }
        md.append('\n');
        md.append("The claim to check (Cho et al. 2014; Bahdanau et al. 2014, Figure 2): without attention accuracy falls as "
                + "sequences grow; with attention it holds. Compare the rows above: a row that falls where its attention rows "
                + "hold supports it; attention rows that fall too mean the budget, not only the bottleneck, limits them.\n\n");
        for (CellType cell : o.cells()) {
            md.append("![").append(cell.displayName()).append(" token accuracy](bottleneck-token-").append(cell.label())
                    .append(".png)\n");
        }
        md.append('\n');
        List<BottleneckExperiment.Run> maps = Seq2SeqApp.heatMapRuns(o, r.bottleneck());
        if (!maps.isEmpty()) {
            md.append("Attention weights of the first test pair (rows: decoder steps, the last one the end symbol; columns: "
                    + "source steps; black = weight 1). For reversal a model that attends where it should draws the anti-diagonal; "
                    + "for copying the diagonal.\n\n");
            for (BottleneckExperiment.Run m : maps) {
                md.append("![").append(m.attention().label()).append("](attention-").append(m.cell().label()).append('-')
                        .append(m.attention().label()).append('-').append(m.length()).append(".png)\n");
            }
            md.append('\n');
        }
        PriceExperiment.Result p = r.prices();
        md.append("## 2. Multi-step price forecasts\n\n");
        md.append(String.format(Locale.ROOT, "%s; %d-day windows, %d days ahead; chronological split 70/15/15, the scale "
                        + "(σ of daily log returns) fitted on the training part; %d test windows. Models keep the epoch with the "
                        + "lowest validation error of their free-running forecasts. Diebold-Mariano p-values (squared errors, "
                        + "autocovariances up to the day ahead) against naive.%n%n", p.series(), o.priceWindow(), o.priceHorizon(),
                p.windows()));
        Table.Builder pt = Table.builder("model", "mean RMSE over days", "RMSE day 1", "RMSE last day", "days better than naive (p < 0.05)",
                "days worse than naive (p < 0.05)");
        for (String m : p.rmse().keySet()) {
            double[] rm = p.rmse().get(m);
            double[] pv = p.pVsNaive().get(m);
            int better = 0;
            int worse = 0;
            if (pv != null) {
                for (int k = 0; k < rm.length; k++) {
                    if (pv[k] < ALPHA) {
                        if (rm[k] < p.rmse().get(PriceExperiment.NAIVE)[k]) {
                            better++;
                        } else {
                            worse++;
                        }
                    }
                }
            }
            pt.row(m, Table.num(p.meanRmse(m), 4), Table.num(rm[0], 4), Table.num(rm[rm.length - 1], 4),
                    pv == null ? "-" : String.valueOf(better), pv == null ? "-" : String.valueOf(worse));
        }
        md.append(pt.build().markdown()).append('\n');
        md.append(priceVerdict(p)).append("\n\n![RMSE per day](prices-rmse.png)\n\nPer day: prices.csv.\n\n");
        WeatherExperiment.Result w = r.weather();
        md.append("## 3. Multi-day weather\n\n");
        md.append(String.format(Locale.ROOT, "Seattle daily weather (%s), %d days read, the next %d days forecast as a sequence; "
                        + "chronological split 70/15/15, %d test windows. McNemar's test per day ahead.%n%n",
                String.join(", ", w.categories()), o.weatherWindow(), o.weatherHorizon(), w.windows()));
        Table.Builder wt = Table.builder("forecaster", "mean accuracy", "day 1", "last day", "days better / worse than persistence (p < 0.05)",
                "days better / worse than Markov (p < 0.05)");
        for (String m : w.accuracy().keySet()) {
            double[] a = w.accuracy().get(m);
            wt.row(m, Table.fixed(w.mean(m), 3), Table.fixed(a[0], 3), Table.fixed(a[a.length - 1], 3),
                    counts(a, w.accuracy().get(WeatherExperiment.PERSISTENCE), w.pVsPersistence().get(m)),
                    counts(a, w.accuracy().get(WeatherExperiment.MARKOV), w.pVsMarkov().get(m)));
        }
        md.append(wt.build().markdown()).append('\n');
        md.append(weatherVerdict(w)).append("\n\n![accuracy per day](weather-accuracy.png)\n\nPer day: weather.csv.\n");
        return md.toString();
    }

    private static String counts(double[] a, double[] base, double[] p) {
        if (p == null) {
            return "-";
        }
        int better = 0;
        int worse = 0;
        for (int k = 0; k < a.length; k++) {
            if (p[k] < ALPHA) {
                if (a[k] > base[k]) {
                    better++;
                } else if (a[k] < base[k]) {
                    worse++;
                }
            }
        }
        return better + " / " + worse;
    }

    private static String priceVerdict(PriceExperiment.Result p) {
        StringBuilder s = new StringBuilder("Verdict: ");
        for (Map.Entry<String, double[]> e : p.pVsNaive().entrySet()) {
            double[] pv = e.getValue();
            int better = 0;
            for (int k = 0; k < pv.length; k++) {
                if (pv[k] < ALPHA && p.rmse().get(e.getKey())[k] < p.rmse().get(PriceExperiment.NAIVE)[k]) {
                    better++;
                }
            }
            s.append(e.getKey()).append(better == 0 ? " does not beat naive on any day" : " beats naive significantly on " + better
                    + " of " + pv.length + " days").append("; ");
        }
        return s.toString().replaceAll("; $", ".");
    }

    private static String weatherVerdict(WeatherExperiment.Result w) {
        StringBuilder s = new StringBuilder("Verdict: ");
        for (String m : w.pVsPersistence().keySet()) {
            double[] a = w.accuracy().get(m);
            int bp = 0;
            int bm = 0;
            for (int k = 0; k < a.length; k++) {
                bp += w.pVsPersistence().get(m)[k] < ALPHA && a[k] > w.accuracy().get(WeatherExperiment.PERSISTENCE)[k] ? 1 : 0;
                bm += w.pVsMarkov().get(m)[k] < ALPHA && a[k] > w.accuracy().get(WeatherExperiment.MARKOV)[k] ? 1 : 0;
            }
            s.append(String.format(Locale.ROOT, "%s beats persistence significantly on %d of %d days and the Markov chain on %d; ",
                    m, bp, a.length, bm));
        }
        return s.toString().replaceAll("; $", ".");
    }

    private static Optional<BottleneckExperiment.Run> find(List<BottleneckExperiment.Run> runs, CellType cell, AttentionKind kind,
                                                           int length) {
        return runs.stream().filter(x -> x.cell() == cell && x.attention() == kind && x.length() == length).findFirst();
    }
}
