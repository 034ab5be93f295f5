package io.github.rnnkit.apps.compare;

import io.github.rnnkit.apps.common.EvaluationMarkdown;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.data.prep.WindowedDataset;

import java.util.Comparator;
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
        Table.Builder t = Table.builder("cell", "hidden", "parameters", "seconds per epoch", "epochs run", "best epoch",
                "train " + m, "test " + m);
        for (CellComparison c : r.cells()) {
            t.row(c.cell().displayName(), c.hidden(), c.params(), Table.fixed(c.secondsPerEpoch(), 2), c.history().epochs().size(),
                    c.history().bestEpoch(), Table.fixed(c.trainMetric(), 4), Table.fixed(c.testMetric(), 4));
        }
        for (Map.Entry<String, Double> b : r.baselines().entrySet()) {
            t.row("baseline: " + b.getKey(), "", "", "", "", "", "", Table.fixed(b.getValue(), 4));
        }
        return t.build();
    }

    static String markdown(CompareOptions o, CompareResult r, WindowedDataset data, long target) {
        StringBuilder sb = new StringBuilder("# rnnkit compare: ").append(String.join(" vs ",
                o.cells().stream().map(c -> c.displayName()).toList())).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %s. Look-back %d, chronological split %d / %d / %d windows "
                        + "(train / validation / test). Every cell gets the same windows, split, seed (%d), Adam learning rate "
                        + "(%s), minibatches of 32 and budget: up to %d epochs, early stopping after 5 epochs without a lower "
                        + "validation loss, the best epoch kept.%n%n", r.data(), o.lookBack(), data.train().size(),
                data.validation().size(), data.test().size(), o.seed(), o.learningRate(), o.epochs()));
        sb.append(String.format(Locale.ROOT, "**Parameter counts.** The LSTM has %d hidden units and %,d parameters; the "
                        + "other cells get the hidden size whose count is closest (params = gates·H·(inputs + H + 1) [+ H for "
                        + "GRU] + output layer): %s.%n%n", o.lstmHidden(), target,
                String.join(", ", r.cells().stream().map(c -> String.format(Locale.ROOT, "%s H = %d → %,d", c.cell().displayName(),
                        c.hidden(), c.params())).toList())));
        sb.append(table(r).markdown());
        sb.append(String.format(Locale.ROOT, "%nTrain and test %s are %s.%n", r.metric(), r.higherIsBetter()
                ? "shares of next steps forecast right" : "root mean squared errors of the next value in the series' own units"));
        CellComparison best = r.cells().stream().max(Comparator.comparingDouble(c -> r.higherIsBetter() ? c.testMetric() : -c.testMetric()))
                .orElseThrow();
        sb.append(String.format(Locale.ROOT, "%nBest on the test part: **%s** (%s %.4f).%n", best.cell().displayName(), r.metric(),
                best.testMetric()));
        for (CellComparison c : r.cells()) {
            sb.append("\n### ").append(c.cell().displayName()).append(" against the baselines\n\n");
            sb.append(EvaluationMarkdown.verdict(c.comparisons()));
        }
        sb.append("\n![validation loss](validation-loss.png)\n\n![training loss](train-loss.png)\n\n![gradients](gradients.png)\n");
        sb.append("\nThe gradient chart shows how much each input step still moves the loss. The oldest step's gradient "
                + "relative to the newest: ");
        sb.append(String.join(", ", r.cells().stream().map(c -> c.cell().displayName() + " " + Table.num(oldestOverNewest(c), 3))
                .toList()));
        CellComparison steepest = r.cells().stream().min(Comparator.comparingDouble(CompareReport::oldestOverNewest)).orElseThrow();
        sb.append("; the steepest fall is the ").append(steepest.cell().displayName())
                .append("'s, so it learns least from the early part of the window.\n");
        sb.append("\nFiles: `compare.csv` (the table), `validation-loss.csv`, `train-loss.csv`, `gradients.csv` (the charts' data).\n");
        return sb.toString();
    }
}
