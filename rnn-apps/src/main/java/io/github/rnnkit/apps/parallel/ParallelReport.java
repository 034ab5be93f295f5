package io.github.rnnkit.apps.parallel;

import io.github.rnnkit.apps.memory.MemoryApp;
import io.github.rnnkit.apps.memory.MemoryTask;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.layers.MinRnnRuntimeLayer;
import io.github.rnnkit.core.spec.CellType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report of {@code rnnkit parallel}. */
final class ParallelReport {
    private ParallelReport() {
    }

    static Table timingTable(ParallelApp.Result r) {
        Table.Builder t = Table.builder("look_back", "cell", "hidden", "params", "seconds_per_epoch", "vs_GRU", "test_MSE");
        for (ParallelApp.TimingRun run : r.timing()) {
            OptionalDouble gru = r.timing().stream().filter(g -> g.lookBack() == run.lookBack()
                    && g.run().run().cell() == CellType.GRU).mapToDouble(ParallelApp.TimingRun::secondsPerEpoch).findFirst();
            t.row(run.lookBack(), run.run().run().cell().displayName(), run.run().hidden()[0], run.run().params(),
                    Table.fixed(run.secondsPerEpoch(), 3),
                    gru.isPresent() ? String.format(Locale.ROOT, "%.1fx", gru.getAsDouble() / run.secondsPerEpoch()) : "",
                    Table.num(run.run().run().testError(), 4));
        }
        return t.build();
    }

    static Table accuracyTable(ParallelApp.Result r) {
        Table.Builder t = Table.builder("task", "layers", "cell", "hidden_per_layer", "params", "seed", "test_error", "solved",
                "updates", "seconds");
        for (ParallelApp.AccuracyRun a : r.accuracy()) {
            var run = a.run().run();
            t.row(a.task().toString(), a.depth(), run.cell().displayName(), a.run().hidden()[0], a.run().params(), run.seed(),
                    Table.num(run.testError(), 4), run.solved() ? "yes" : "no", run.updates(), Table.fixed(run.seconds(), 1));
        }
        return t.build();
    }

    static String markdown(ParallelOptions o, ParallelApp.Result r) {
        StringBuilder sb = new StringBuilder("# Recurrences that train in parallel: minGRU and minLSTM beside the classic cells\n\n");
        sb.append("The articles behind rnnkit end on one complaint: h_t needs h_{t−1}, so a recurrent network cannot be "
                + "parallelised over time. minGRU and minLSTM (Feng et al. 2024, \"Were RNNs All We Needed?\") take h_{t−1} "
                + "out of their gates, so each layer is h_t = a_t ⊙ h_{t−1} + b_t with a_t and b_t computed from x_t alone: "
                + "every step's gates at once, then one scan over time that needs no matrix product per step. rnnkit's scan "
                + "splits the work among ").append(MinRnnRuntimeLayer.workers()).append(" worker")
                .append(MinRnnRuntimeLayer.workers() == 1 ? "" : "s").append(" on this machine.\n\n");
        timing(sb, o, r);
        accuracy(sb, o, r);
        sb.append(String.format(Locale.ROOT, "%nWhole run: %.0f s. Files: `timing.csv`, `accuracy.csv`, the charts.%n", r.seconds()));
        return sb.toString();
    }

    private static void timing(StringBuilder sb, ParallelOptions o, ParallelApp.Result r) {
        MemoryApp.Budget b = o.timing();
        sb.append("## 1. Time per epoch against look-back\n\n");
        sb.append(String.format(Locale.ROOT, "The adding problem at each look-back, one layer of %d units for every cell (the same "
                        + "width, so the min cells have far fewer parameters: in part 2 they are matched), %,d training "
                        + "sequences, %d epochs, Adam %s, minibatches of 32; the time is "
                        + "the fastest epoch's, validation pass included. The test MSE is what the same %d epochs reached (always "
                        + "answering 1 gives %.3f).%n%n", o.referenceHidden(), b.trainCount(), b.epochs(), Table.num(b.learningRate(), 3),
                b.epochs(), MemoryTask.ADDING.chance()));
        sb.append(timingTable(r).markdown()).append("\n![time per epoch](time-per-epoch.png)\n\n");
        int first = o.lookBacks().get(0);
        int last = o.lookBacks().get(o.lookBacks().size() - 1);
        if (last > first) {
            sb.append(String.format(Locale.ROOT, "From look-back %d to %d (×%d steps), seconds per epoch grew:", first, last,
                    last / first));
            for (CellType c : o.cells()) {
                double a = perEpoch(r, c, first);
                double z = perEpoch(r, c, last);
                sb.append(String.format(Locale.ROOT, " %s ×%.1f;", c.displayName(), z / a));
            }
            sb.setLength(sb.length() - 1);
            sb.append(String.format(Locale.ROOT, " (proportional growth would be ×%d). Every cell's work is linear in the "
                    + "number of steps, the min cells' too: the scan does not make the work shorter than T; it makes each step "
                    + "cheap (no h_{t−1}·W product) and lets the cores share the steps of one minibatch.%n%n", last / first));
        }
    }

    private static double perEpoch(ParallelApp.Result r, CellType c, int lookBack) {
        return r.timing().stream().filter(t -> t.lookBack() == lookBack && t.run().run().cell() == c)
                .mapToDouble(ParallelApp.TimingRun::secondsPerEpoch).findFirst().orElse(Double.NaN);
    }

    private static void accuracy(StringBuilder sb, ParallelOptions o, ParallelApp.Result r) {
        sb.append("## 2. What the speed costs: memory tasks at 1 to ").append(o.depths().get(o.depths().size() - 1))
                .append(" layers\n\n");
        sb.append(String.format(Locale.ROOT, "Every network of a depth has about the parameters of a GRU of %d units per layer "
                + "at that depth (the min cells, having no recurrent weights, get more units). Each run stops once its "
                + "validation loss shows the task solved; %s. Selective copying (the paper's task, asked one symbol at "
                + "a time: %d symbols of %d scattered among the steps, then a query names which one to give back) needs "
                + "every symbol and its place held to the end.%n%n", o.referenceHidden(), seedWords(o),
                MemoryTask.COPY_TOKENS, MemoryTask.COPY_VOCABULARY));
        sb.append("| task | budget |\n|---|---|\n");
        for (ParallelOptions.TaskAtLag t : o.tasks()) {
            MemoryApp.Budget b = o.budgets().get(t.task());
            sb.append(String.format(Locale.ROOT, "| %s | %,d sequences, at most %d epochs (%,d updates), Adam %s; solved at %s "
                            + "below %s (chance %s) |%n", t, b.trainCount(), b.epochs(), b.maxUpdates(), Table.num(b.learningRate(), 3),
                    t.task().errorName(), Table.num(t.task().threshold(), 3), Table.num(t.task().chance(), 3)));
        }
        sb.append('\n').append(accuracyTable(r).markdown()).append('\n');
        for (ParallelOptions.TaskAtLag t : o.tasks()) {
            sb.append("![").append(t).append("](accuracy-").append(t.task().label()).append(".png)\n\n");
        }
        sb.append("### Verdicts\n\n");
        for (ParallelOptions.TaskAtLag t : o.tasks()) {
            for (int depth : o.depths()) {
                List<String> solved = o.cells().stream().filter(c -> best(r, t, depth, c).map(e -> e < t.task().threshold())
                        .orElse(false)).map(CellType::displayName).toList();
                sb.append(String.format(Locale.ROOT, "- %s, %d layer%s: %s.", t, depth, depth == 1 ? "" : "s",
                        solved.isEmpty() ? "no cell solved it within the budget" : "solved by " + String.join(", ", solved)));
                pair(sb, r, t, depth, CellType.MIN_GRU, CellType.GRU);
                pair(sb, r, t, depth, CellType.MIN_LSTM, CellType.LSTM);
                sb.append('\n');
            }
        }
        sb.append('\n');
    }

    private static String seedWords(ParallelOptions o) {
        return o.seeds().size() == 1 ? "one seed per run, so a run solved against one not solved is one observation, "
                + "not a significance test" : o.seeds().size() + " seeds per run; a task counts as solved when any seed solved it";
    }

    /** Appends how a min cell fared against its gated counterpart. */
    private static void pair(StringBuilder sb, ParallelApp.Result r, ParallelOptions.TaskAtLag t, int depth, CellType min,
                             CellType gated) {
        Optional<Double> a = best(r, t, depth, min);
        Optional<Double> b = best(r, t, depth, gated);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        boolean ma = a.get() < t.task().threshold();
        boolean gb = b.get() < t.task().threshold();
        String verdict = ma && gb ? "matches the " + gated.displayName()
                : !ma && !gb ? "and the " + gated.displayName() + " both miss it"
                : ma ? "solves it where the " + gated.displayName() + " does not"
                : "falls short of the " + gated.displayName();
        sb.append(String.format(Locale.ROOT, " %s %s (%s %s against %s).", min.displayName(), verdict, t.task().errorName(),
                Table.num(a.get(), 4), Table.num(b.get(), 4)));
    }

    private static Optional<Double> best(ParallelApp.Result r, ParallelOptions.TaskAtLag t, int depth, CellType c) {
        OptionalDouble d = r.accuracy().stream().filter(a -> a.task().equals(t) && a.depth() == depth && a.run().run().cell() == c)
                .mapToDouble(a -> a.run().run().testError()).min();
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }
}
