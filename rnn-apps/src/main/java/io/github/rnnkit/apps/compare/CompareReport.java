package io.github.rnnkit.apps.compare;

import io.github.rnnkit.apps.common.EvaluationMarkdown;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.ModelRanking;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.md and compare.csv of {@code rnnkit compare}. */
final class CompareReport {
    private CompareReport() {
    }

    private static double oldestOverNewest(CellComparison c) {
        double[] g = c.gradientByDistance();
        return g[g.length - 1] / g[0];
    }

    static Table table(CompareResult r) {
        String m = r.metric();
        int seeds = r.cells().get(0).testBySeed().length;
        Table.Builder t = Table.builder("cell", "hidden", "parameters", "seconds per epoch", "epochs run", "best epoch",
                "train " + m, "test " + m + " (mean)", "test " + m + " (sd over " + seeds + " seeds)", "test " + m + " by seed");
        for (CellComparison c : r.cells()) {
            t.row(c.cell().displayName(), c.hidden(), c.params(), Table.fixed(c.secondsPerEpoch(), 2), c.history().epochs().size(),
                    c.history().bestEpoch(), Table.fixed(c.trainMetric(), 4), Table.fixed(c.testMetric(), 4),
                    Table.fixed(c.testSd(), 4), String.join(" ", java.util.Arrays.stream(c.testBySeed())
                            .mapToObj(v -> Table.fixed(v, 4)).toList()));
        }
        for (Map.Entry<String, Double> b : r.baselines().entrySet()) {
            t.row("baseline: " + b.getKey(), "", "", "", "", "", "", Table.fixed(b.getValue(), 4), "", "");
        }
        return t.build();
    }

    static String markdown(CompareOptions o, CompareResult r, WindowedDataset data, long target) {
        StringBuilder sb = new StringBuilder("# rnnkit compare: ").append(String.join(" vs ",
                o.cells().stream().map(c -> c.displayName()).toList())).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %s. Look-back %d, chronological split %d / %d / %d windows "
                        + "(train / validation / test). Every cell gets the same windows, split, seeds (from %d), Adam learning rate "
                        + "(%s), minibatches of 32 and budget: up to %d epochs, early stopping after 5 epochs without a lower "
                        + "validation loss, the best epoch kept.%n%n", r.data(), o.lookBack(), data.train().size(),
                data.validation().size(), data.test().size(), o.seed(), o.learningRate(), o.epochs()));
        if (data instanceof PriceDataset p) {
            sb.append("Prices are scaled as ").append(p.targetScaler().kind().label()).append(", fitted on the training part.");
            p.testRangeWarning().ifPresent(w -> sb.append(" **Warning:** ").append(w).append('.'));
            sb.append("\n\n");
        }
        sb.append(String.format(Locale.ROOT, "**Parameter counts.** The LSTM has %d hidden units and %,d parameters; the "
                        + "other cells get the hidden size whose count is closest (params = gates·H·(inputs + H + 1) [+ H for "
                        + "GRU] + output layer; minGRU and minLSTM have no recurrent weights, so gates·H·(inputs + 1) + output "
                        + "layer): %s.%n%n", o.lstmHidden(), target,
                String.join(", ", r.cells().stream().map(c -> String.format(Locale.ROOT, "%s H = %d → %,d", c.cell().displayName(),
                        c.hidden(), c.params())).toList())));
        sb.append(table(r).markdown());
        sb.append(String.format(Locale.ROOT, "%nTrain and test %s are %s, means over the seeds.%n", r.metric(), r.higherIsBetter()
                ? "shares of next steps forecast right" : "root mean squared errors of the next value in the series' own units"));
        int seeds = r.cells().get(0).testBySeed().length;
        sb.append(String.format(Locale.ROOT, "%nEvery training ran on one thread (OpenBLAS at one thread), as a task of one plan "
                + "on %s; the results do not depend on where they ran. Seconds per epoch are the first seed's%s.%n", r.ranOn(),
                r.ranOn().startsWith("1 thread") ? ", one training at a time"
                        : ", measured while other trainings shared the cores: compare them only within this run"));
        sb.append(String.format(Locale.ROOT, "%nEach cell was trained %d time%s (seeds %d to %d; the charts show seed %d). ",
                seeds, seeds == 1 ? "" : "s", o.seed(), o.seed() + seeds - 1, o.seed()));
        if (r.ranking() == null) {
            sb.append("One cell: nothing to rank.\n");
        } else {
            sb.append("Which cell is better is decided by a paired test, not by the larger number: Diebold-Mariano's test "
                    + "on each test window's loss (" + (r.higherIsBetter() ? "0/1 error" : "squared error")
                    + ") averaged over the seeds.\n\n");
            sb.append("| cell | cell | mean loss difference | p |\n|---|---|---:|---:|\n");
            for (ModelRanking.Pair q : r.ranking().pairs()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %+.4g | %s |%n", q.a(), q.b(), q.meanDifference(),
                        Comparison.formatP(q.pValue())));
            }
            List<String> beaten = r.baselines().keySet().stream().filter(b -> r.cells().stream().allMatch(c -> c.comparisons()
                    .stream().anyMatch(x -> x.baseline().equals(b) && x.verdict().equals("worse")))).toList();
            sb.append("\n**").append(r.ranking().sentence("cell")).append("**").append(beaten.isEmpty() ? ""
                    : " Every cell is significantly worse than " + String.join(" and ", beaten) + ", so none of them is "
                    + "worth using on this data.").append(seeds == 1
                    ? " One seed: the cells' differences include the luck of one initialisation, which only more seeds "
                    + "(`--seeds`) can show." : "").append('\n');
        }
        for (CellComparison c : r.cells()) {
            sb.append("\n### ").append(c.cell().displayName()).append(" against the baselines (mean over seeds)\n\n");
            sb.append(EvaluationMarkdown.verdict(c.comparisons()));
        }
        variants(sb, r);
        sb.append("\n![validation loss](validation-loss.png)\n\n![training loss](train-loss.png)\n\n![gradients](gradients.png)\n");
        sb.append("\nThe gradient chart shows how much each input step moves the trained network's loss, averaged over test "
                + "windows (seed " + o.seed() + "). The oldest step's gradient relative to the newest: ");
        sb.append(String.join(", ", r.cells().stream().map(c -> c.cell().displayName() + " " + Table.num(oldestOverNewest(c), 3))
                .toList()));
        sb.append(". What it does not show is how far back a cell can learn: a small gradient on old steps in a trained "
                + "network means its output does not depend on them, either because it learned that they do not matter or "
                + "because it could not learn to use them, and the chart cannot tell these apart. `rnnkit memory` measures "
                + "what each cell can learn across a given distance.\n");
        sb.append("\nFiles: `compare.csv` (the table), `validation-loss.csv`, `train-loss.csv`, `gradients.csv` (the charts' data).\n");
        return sb.toString();
    }

    /** The LSTM deeper and both ways, against the one-layer LSTM on the same seeds. */
    private static void variants(StringBuilder sb, CompareResult r) {
        if (r.variantRanking() == null) {
            return;
        }
        String single = r.variants().get(0).name();   // the variants and their ranking share names
        sb.append("\n## Deeper, and both ways: stacked and bidirectional LSTM\n\n");
        sb.append("The same LSTM with two layers stacked (the first layer's states are the second's inputs; `train "
                + "--hidden 32,32`) and bidirectional (a second LSTM reads each window from its last step back to its first; `train "
                + "--bidirectional`), trained on the same windows, seeds and budget. Both see only the window's past days, so "
                + "neither peeks at the future. Mind what a one-layer bidirectional forecaster sees: the output layer reads "
                + "the last step, where the forward state has read the whole window but the backward state only the last "
                + "day (as PyTorch's `output[:, -1]` would); the backward direction pays off when a stacked layer above it, or "
                + "a many-to-many output, uses every step.\n\n");
        Table.Builder t = Table.builder("model", "parameters", "test " + r.metric() + " (mean ± sd)",
                "Diebold-Mariano p against 1 layer");
        Map<String, Double> p = r.variantRanking().pValuesAgainst(single);
        for (int i = 0; i < r.variants().size(); i++) {
            Variant v = r.variants().get(i);
            ModelRanking.Forecaster f = r.variantRanking().forecasters().get(i);
            t.row(v.name(), String.format(Locale.ROOT, "%,d", v.params()), Table.fixed(f.mean(), 4) + " ± " + Table.fixed(f.sd(), 4),
                    i == 0 ? "" : Comparison.formatP(p.get(f.name())));
        }
        sb.append(t.build().markdown());
        sb.append("\n**").append(r.variantRanking().sentence("variant")).append("** ");
        sb.append("Extra depth or a second direction costs parameters and time per epoch; the test above says whether "
                + "either bought accuracy on this data. (`").append(single).append("` is the LSTM of the table above.)\n");
    }
}
