package io.github.rnnkit.apps.memory;

import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.spec.CellType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** report.md of {@code rnnkit memory}. */
final class MemoryReport {
    private MemoryReport() {
    }

    static String markdown(MemoryOptions o, MemoryResult r) {
        StringBuilder sb = new StringBuilder("# rnnkit memory: the longest dependency each cell learns\n\n");
        sb.append(String.format(Locale.ROOT, "Every cell, lag and seed of a task gets the same budget: %,d training "
                        + "sequences in minibatches of %d, Adam, %d hidden units, one layer; %s. A run stops as soon as its "
                        + "validation loss (%d sequences, after each epoch) shows the task solved; the epoch with the lowest "
                        + "validation loss is kept and scored on %d fresh test sequences. A lag counts as solved when any of "
                        + "the seeds %s gets below the threshold.%s%n%n", o.trainCount(), MemoryApp.BATCH, o.hidden(),
                String.join("; ", o.tasks().stream().map(t -> String.format(Locale.ROOT, "%s: at most %d epochs (%,d updates), "
                        + "learning rate %s, stop at validation %s %s", t.title(), o.epochs(t), o.maxUpdates(t),
                        o.learningRate(t), t == MemoryTask.ADDING ? "MSE" : "cross-entropy", t.targetLoss())).toList()),
                Math.max(10, o.testCount() / 5), o.testCount(), list(o.seeds()), o.allLags() ? ""
                        : " Lags run shortest first; once no seed of a cell solved a lag, that cell's longer lags of the task "
                        + "are not run (shown as \"not run\")."));
        sb.append("- **Adding problem** (Hochreiter & Schmidhuber 1997): two inputs per step, a value in [0, 1) and a marker; "
                + "the target is the sum of the two marked values, one in each half of a sequence of `lag` steps. Solved: test "
                + "MSE below 0.01; always predicting 1 gives 0.167.\n");
        sb.append("- **Delayed recall**: random symbols of an alphabet of " + MemoryTask.ALPHABET + ", one per step, with a "
                + "marker input on one of them: " + MemoryTask.RECALL_PREFIX + " distractors, the marked symbol, then `lag` more "
                + "distractors; at the end, name the marked symbol. The distractors before the mark keep it from being the "
                + "first input, which a zero initial state could latch without learning to ignore inputs. Solved: test error "
                + "rate below 0.05; guessing gives 0.75.\n\n");
        sb.append("## Longest lag solved\n\n");
        Table.Builder longest = Table.builder(header("task", o));
        for (MemoryTask task : o.tasks()) {
            List<Object> row = new ArrayList<>(List.of(task.title()));
            o.cells().forEach(c -> row.add(r.longestSolved(task, c) == 0 ? "none" : String.valueOf(r.longestSolved(task, c))));
            longest.row(row.toArray());
        }
        sb.append(longest.build().markdown());
        sb.append(String.format(Locale.ROOT, "%nLags tried: %s.%n", list(o.lags())));
        for (MemoryTask task : o.tasks()) {
            sb.append("\n## ").append(task.title()).append(": ").append(task.errorName()).append(" (best seed; ✓ = solved, after the fewest updates any seed needed, counted in whole epochs)\n\n");
            Table.Builder t = Table.builder(header("lag", o));
            for (int lag : o.lags()) {
                List<Object> row = new ArrayList<>(List.of(lag));
                for (CellType c : o.cells()) {
                    double e = r.bestError(task, c, lag).orElse(Double.NaN);
                    OptionalInt updates = r.fewestUpdatesToSolve(task, c, lag);
                    row.add(Double.isNaN(e) ? "not run" : Table.num(e, 3) + (updates.isPresent()
                            ? String.format(Locale.ROOT, " ✓ (%,d updates)", updates.getAsInt()) : ""));
                }
                t.row(row.toArray());
            }
            sb.append(t.build().markdown()).append("\n![").append(task.title()).append("](memory-").append(task.label())
                    .append(".png)\n");
        }
        sb.append("\n## Against the literature\n\n");
        long budget = (long) o.maxUpdates(MemoryTask.ADDING) * MemoryApp.BATCH;
        sb.append(String.format(Locale.ROOT, "The literature's pattern: tanh RNNs trained by gradient descent fail beyond a few "
                + "tens of steps (Bengio et al. 1994; Hochreiter & Schmidhuber 1997), while LSTM and GRU learn dependencies of "
                + "hundreds of steps given enough training: Hochreiter & Schmidhuber solved the adding problem at T = 100 "
                + "after about %,d training sequences, updating after each one. This run's budget on the adding problem is at "
                + "most %,d sequences seen per run, in %,d updates of minibatches of %d.%s%n%n", LITERATURE_ADDING_SEQUENCES, budget, o.maxUpdates(MemoryTask.ADDING),
                MemoryApp.BATCH, needed(o, r)));
        if (quick(o)) {
            sb.append("**This is a short run (`--quick`, or a budget below the default): a first look at the mechanics, not "
                    + "a result.** Nothing it fails to solve says what a cell cannot learn.\n\n");
        }
        sb.append(comparison(o, r)).append('\n');
        sb.append(String.format(Locale.ROOT, "%n\"Longest lag solved\" is a lower bound on a coarse grid (lags tried: %s): "
                + "a cell may solve lags between or beyond those tried, and a lag not solved here may be solved with more "
                + "updates (--train, --epochs) or another learning rate (--lr). `runs.csv` has every run with its seed, updates and time.%n", list(o.lags())));
        return sb.toString();
    }

    /** Training sequences Hochreiter and Schmidhuber (1997) needed for the adding problem at T = 100 (their Table 7). */
    static final long LITERATURE_ADDING_SEQUENCES = 74_000;

    /** @return true for a budget below the default run's: a first look */
    static boolean quick(MemoryOptions o) {
        MemoryOptions d = MemoryOptions.defaults(null);
        for (MemoryTask t : o.tasks()) {
            if ((long) o.trainCount() * o.epochs(t) < (long) d.trainCount() * d.epochs(t)) {
                return true;
            }
        }
        return false;
    }

    /** @return how many sequences each gated cell needed on the adding problem at the longest lag of at least 100 it solved */
    private static String needed(MemoryOptions o, MemoryResult r) {
        if (!o.tasks().contains(MemoryTask.ADDING)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (CellType c : o.cells()) {
            for (int lag : o.lags()) {
                if (lag >= 100) {
                    OptionalInt u = r.fewestUpdatesToSolve(MemoryTask.ADDING, c, lag);
                    if (u.isPresent()) {
                        parts.add(String.format(Locale.ROOT, "%s at T = %d after %,d sequences", c.displayName(), lag,
                                (long) u.getAsInt() * MemoryApp.BATCH));
                    }
                }
            }
        }
        return parts.isEmpty() ? " No cell solved the adding problem at T ≥ 100 here."
                : " Solved here (fewest over seeds): " + String.join("; ", parts) + ".";
    }

    private static String[] header(String first, MemoryOptions o) {
        List<String> h = new ArrayList<>(List.of(first));
        o.cells().forEach(c -> h.add(c.displayName()));
        return h.toArray(new String[0]);
    }

    /**
     * @return what this run says about the literature's pattern, task by task: nothing where no
     *         cell solved anything, otherwise which kind of cell reached further
     */
    static String comparison(MemoryOptions o, MemoryResult r) {
        List<String> parts = new ArrayList<>();
        for (MemoryTask task : o.tasks()) {
            int vanilla = o.cells().contains(CellType.SIMPLE_RNN) ? r.longestSolved(task, CellType.SIMPLE_RNN) : -1;
            // The literature's pattern is about the LSTM and the GRU; minGRU and minLSTM are compared in `rnnkit parallel`.
            List<CellType> gatedCells = o.cells().stream().filter(c -> c == CellType.LSTM || c == CellType.GRU).toList();
            int gated = gatedCells.stream().mapToInt(c -> r.longestSolved(task, c)).max().orElse(-1);
            if (vanilla <= 0 && gated <= 0) {
                parts.add("On the " + task.title() + " no cell solved any lag tried, so this run says nothing about the "
                        + "pattern there.");
            } else if (vanilla < 0 || gated < 0) {
                parts.add("On the " + task.title() + " only " + (vanilla < 0 ? "gated cells" : "the vanilla RNN")
                        + " ran, so there is nothing to compare.");
            } else {
                List<String> each = new ArrayList<>();
                for (CellType c : gatedCells) {
                    int l = r.longestSolved(task, c);
                    each.add(String.format(Locale.ROOT, "the %s's %s (%s)", c.displayName(), l == 0 ? "none" : l,
                            l > vanilla ? "further" : l == vanilla ? "as far" : "less far"));
                }
                String what = String.format(Locale.ROOT, "On the %s the vanilla RNN's longest solved lag is %s; %s: ", task.title(),
                        vanilla == 0 ? "none" : vanilla, String.join(", ", each));
                boolean allFurther = gatedCells.stream().allMatch(c -> r.longestSolved(task, c) > vanilla);
                parts.add(what + (allFurther ? "every gated cell reaches further, as in the literature."
                        : gated > vanilla ? "only some gated cells reach further than the vanilla RNN on the lags tried."
                        : gated == vanilla ? "neither kind reaches further on the lags tried."
                        : "the vanilla RNN reaches further here, against the literature's pattern."));
            }
        }
        return String.join(" ", parts);
    }

    /** @return the values joined by commas, as the report's prose writes a list */
    static String list(List<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
