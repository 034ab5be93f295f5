package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.eval.HorizonEvaluation;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.spec.CellType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tables and report.md of {@code rnnkit seq2seq}; every statement in it is computed from the runs. */
final class Seq2SeqReport {
    /** Token accuracy that counts as decoding a length. */
    private static final double SOLVED = 0.9;

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
        HorizonEvaluation e = r.evaluation();
        Table.Builder t = Table.builder("model", "day ahead", "RMSE", "MAE", "DM p vs naive");
        for (String m : e.forecasters()) {
            double[] p = e.pValues(m, PriceExperiment.NAIVE);
            for (int k = 0; k < e.score(m).length; k++) {
                t.row(m, k + 1, Table.num(e.score(m)[k], 4), Table.num(e.mae(m)[k], 4), p == null ? "-" : Table.num(p[k], 3));
            }
        }
        return t.build();
    }

    static Table weatherTable(WeatherExperiment.Result r) {
        HorizonEvaluation e = r.evaluation();
        Table.Builder t = Table.builder("forecaster", "day ahead", "accuracy", "McNemar p vs persistence", "McNemar p vs Markov chain");
        for (String m : e.forecasters()) {
            double[] pp = e.pValues(m, WeatherExperiment.PERSISTENCE);
            double[] pm = e.pValues(m, WeatherExperiment.MARKOV);
            for (int k = 0; k < e.score(m).length; k++) {
                t.row(m, k + 1, Table.fixed(e.score(m)[k], 3), pp == null ? "-" : Table.num(pp[k], 3),
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
        md.append(String.format(Locale.ROOT, "What the numbers say, cell by cell: the longest length each model decodes with "
                + "token accuracy of at least %.1f (\"-\": not even the shortest).%n%n", SOLVED));
        for (CellType cell : o.cells()) {
            StringBuilder line = new StringBuilder("- **" + cell.displayName() + "**: ");
            List<String> parts = new java.util.ArrayList<>();
            int plain = longestSolved(r.bottleneck(), cell, AttentionKind.NONE, lengths);
            boolean allLonger = true;
            for (AttentionKind kind : o.attentions()) {
                int l = longestSolved(r.bottleneck(), cell, kind, lengths);
                parts.add(kind.label() + " " + (l == 0 ? "-" : String.valueOf(l)));
                if (kind != AttentionKind.NONE && l <= plain) {
                    allLonger = false;
                }
            }
            line.append(String.join(", ", parts));
            if (o.attentions().contains(AttentionKind.NONE) && o.attentions().size() > 1) {
                line.append(allLonger ? ": every attention kind reaches longer sequences than none." : ": not every attention "
                        + "kind reaches longer sequences than none.");
            }
            md.append(line).append('\n');
        }
        md.append('\n');
        md.append("The claim to check (Cho et al. 2014; Bahdanau et al. 2014, Figure 2): without attention accuracy falls as "
                + "sequences grow; with attention it holds. Where the attention rows fall too, at the longest lengths, this "
                + "budget of updates limits them as well: the sweep shows where the fixed-size context gives out first, not "
                + "that attention removes every limit. One seed per cell.\n\n");
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
        HorizonEvaluation pe = p.evaluation();
        md.append("## 2. Multi-step price forecasts\n\n");
        md.append(String.format(Locale.ROOT, "%s; %d-day windows, %d days ahead; chronological split 70/15/15, the scale "
                        + "(σ of daily log returns) fitted on the training part; %d test windows. Models keep the epoch with the "
                        + "lowest validation error of their free-running forecasts. Diebold-Mariano p-values (squared errors, "
                        + "autocovariances up to the day ahead) against naive.%n%n", p.series(), o.priceWindow(), o.priceHorizon(),
                pe.windows()));
        Table.Builder pt = Table.builder("model", "mean RMSE over days", "RMSE day 1", "RMSE last day",
                "days better / worse than naive (p < 0.05)");
        for (String m : pe.forecasters()) {
            double[] rm = pe.score(m);
            pt.row(m, Table.num(pe.meanScore(m), 4), Table.num(rm[0], 4), Table.num(rm[rm.length - 1], 4),
                    m.equals(PriceExperiment.NAIVE) ? "-" : pe.betterDays(m, PriceExperiment.NAIVE) + " / "
                            + pe.worseDays(m, PriceExperiment.NAIVE));
        }
        md.append(pt.build().markdown()).append('\n');
        md.append("Verdict: ");
        md.append(String.join("; ", pe.forecasters().stream().filter(m -> !m.equals(PriceExperiment.NAIVE))
                .map(m -> pe.sentence(m, PriceExperiment.NAIVE)).toList())).append(".\n\n");
        md.append("![RMSE per day](prices-rmse.png)\n\nPer day: prices.csv.\n\n");
        WeatherExperiment.Result w = r.weather();
        HorizonEvaluation we = w.evaluation();
        md.append("## 3. Multi-day weather\n\n");
        md.append(String.format(Locale.ROOT, "Seattle daily weather (%s), %d days read, the next %d days forecast as a sequence; "
                        + "chronological split 70/15/15, %d test windows. McNemar's test per day ahead.%n%n",
                String.join(", ", w.categories()), o.weatherWindow(), o.weatherHorizon(), we.windows()));
        Table.Builder wt = Table.builder("forecaster", "mean accuracy", "day 1", "last day",
                "days better / worse than persistence (p < 0.05)", "days better / worse than Markov (p < 0.05)");
        for (String m : we.forecasters()) {
            double[] a = we.score(m);
            wt.row(m, Table.fixed(we.meanScore(m), 3), Table.fixed(a[0], 3), Table.fixed(a[a.length - 1], 3),
                    counts(we, m, WeatherExperiment.PERSISTENCE), counts(we, m, WeatherExperiment.MARKOV));
        }
        md.append(wt.build().markdown()).append('\n');
        md.append("Verdict: ");
        md.append(String.join("; ", we.forecasters().stream().filter(m -> m.startsWith("encoder-decoder"))
                .flatMap(m -> java.util.stream.Stream.of(we.sentence(m, WeatherExperiment.PERSISTENCE),
                        we.sentence(m, WeatherExperiment.MARKOV))).toList())).append(".\n\n");
        md.append("![accuracy per day](weather-accuracy.png)\n\nPer day: weather.csv.\n");
        return md.toString();
    }

    private static String counts(HorizonEvaluation e, String m, String reference) {
        return e.pValues(m, reference) == null ? "-" : e.betterDays(m, reference) + " / " + e.worseDays(m, reference);
    }

    /** @return the longest length whose token accuracy is at least {@link #SOLVED} for every length up to it, 0 for none */
    private static int longestSolved(List<BottleneckExperiment.Run> runs, CellType cell, AttentionKind kind, List<Integer> lengths) {
        int best = 0;
        for (int l : lengths) {
            Optional<BottleneckExperiment.Run> run = find(runs, cell, kind, l);
            if (run.isEmpty() || run.get().token() < SOLVED) {
                break;
            }
            best = l;
        }
        return best;
    }

    private static Optional<BottleneckExperiment.Run> find(List<BottleneckExperiment.Run> runs, CellType cell, AttentionKind kind,
                                                           int length) {
        return runs.stream().filter(x -> x.cell() == cell && x.attention() == kind && x.length() == length).findFirst();
    }
}
