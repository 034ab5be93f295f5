package io.github.rnnkit.core.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grid of configurations over one series (cells × hidden sizes × look-backs × learning rates ×
 * clippings × truncated-BPTT lengths), each trained with every seed and, with {@code folds} K, on
 * every one of K walk-forward validation folds
 * ({@link io.github.rnnkit.data.split.WalkForward#validationFolds}): the plan of a
 * hyper-parameter sweep. Configurations are compared on their mean validation loss over seeds and
 * folds (never on the test part, which a sweep must not look at); {@link #best} names the winner and
 * {@link #finalTasks} retrains it on the default split, the only tasks that see the test part.
 *
 * @param base          the task every configuration starts from (its series, epochs and patience)
 * @param cells         cell labels
 * @param hidden        hidden sizes (one stack each)
 * @param lookBacks     look-backs
 * @param learningRates Adam's step sizes
 * @param clippings     gradient clippings ({@code none}, {@code global-l2:1.0}, ...)
 * @param tbptts        truncated-BPTT lengths ({@code none}, {@code K}, {@code K:K2})
 * @param seeds         seeds, each configuration trained once per seed (and fold)
 * @param folds         walk-forward folds, or 0 to score on the default split's validation part
 * @serial exclude
 */
public record SweepGrid(TrainingTask base, List<String> cells, List<List<Integer>> hidden, List<Integer> lookBacks,
                        List<Double> learningRates, List<String> clippings, List<String> tbptts, List<Long> seeds, int folds)
        implements Serializable {
    /**
     * Validates the values.
     *
     * @param base          the task every configuration starts from
     * @param cells         cell labels
     * @param hidden        hidden sizes
     * @param lookBacks     look-backs
     * @param learningRates learning rates
     * @param clippings     clippings
     * @param tbptts        truncated-BPTT lengths
     * @param seeds         seeds
     * @param folds         walk-forward folds, or 0
     * @throws IllegalArgumentException when a dimension is empty (each new task checks its own values)
     */
    public SweepGrid {
        if (cells.isEmpty() || hidden.isEmpty() || lookBacks.isEmpty() || learningRates.isEmpty() || clippings.isEmpty()
                || tbptts.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("every dimension of a sweep needs at least one value");
        }
        if (folds < 0) {
            throw new IllegalArgumentException("folds: 0 or more, got " + folds);
        }
        cells = List.copyOf(cells);
        hidden = hidden.stream().map(List::copyOf).toList();
        lookBacks = List.copyOf(lookBacks);
        learningRates = List.copyOf(learningRates);
        clippings = List.copyOf(clippings);
        tbptts = List.copyOf(tbptts);
        seeds = List.copyOf(seeds);
    }

    /**
     * A grid without clipping or truncated BPTT, scored on the default split's validation part.
     *
     * @param base          the task every configuration starts from
     * @param cells         cell labels
     * @param hidden        hidden sizes
     * @param lookBacks     look-backs
     * @param learningRates learning rates
     * @param seeds         seeds
     */
    public SweepGrid(TrainingTask base, List<String> cells, List<List<Integer>> hidden, List<Integer> lookBacks,
                     List<Double> learningRates, List<Long> seeds) {
        this(base, cells, hidden, lookBacks, learningRates, List.of("none"), List.of("none"), seeds, 0);
    }

    /**
     * @return one task per configuration, seed and fold, ids {@code CONFIG/seed-S} (or
     *         {@code CONFIG/seed-S/fold-F}) with CONFIG as {@link #configuration} names it
     */
    public List<TrainingTask> tasks() {
        List<TrainingTask> out = new ArrayList<>();
        for (String cell : cells) {
            for (List<Integer> h : hidden) {
                for (int lookBack : lookBacks) {
                    for (double lr : learningRates) {
                        for (String clip : clippings) {
                            for (String tbptt : tbptts) {
                                for (long seed : seeds) {
                                    TrainingTask t = new TrainingTask("config", base.sample(), base.csv(), base.column(), cell, h, lookBack,
                                            base.epochs(), base.patience(), lr, seed, clip, tbptt, 0, 0, false);
                                    String id = configuration(t) + "/seed-" + seed;
                                    if (folds == 0) {
                                        out.add(t.onFold(id, 0, 0));
                                    }
                                    for (int f = 0; f < folds; f++) {
                                        out.add(t.onFold(id + "/fold-" + f, folds, f));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The winner retrained once per seed on the default split and scored on the test part, the
     * first seed's model kept ({@link TaskOutcome#bundle()}).
     *
     * @param best the configuration {@link #best} chose
     * @return its tasks, ids {@code CONFIG/test/seed-S}
     */
    public List<TrainingTask> finalTasks(Scored best) {
        List<TrainingTask> out = new ArrayList<>();
        for (TrainingTask t : tasks()) {
            if (configuration(t).equals(best.configuration()) && (folds == 0 || t.fold() == 0)) {
                out.add(t.onFold(best.configuration() + "/test/seed-" + t.seed(), 0, 0).keepingModel(out.isEmpty()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no configuration of this grid is named '" + best.configuration() + "'");
        }
        return out;
    }

    /**
     * @param t a task
     * @return its configuration's name, the same for all seeds and folds, e.g. {@code gru h32 lb10 lr0.005}
     *         (with {@code clip global-l2:1.0} and {@code tbptt 20} when set)
     */
    public static String configuration(TrainingTask t) {
        String name = String.format(Locale.ROOT, "%s h%s lb%d lr%s", t.cell(), String.join("-", t.hidden().stream()
                .map(String::valueOf).toList()), t.lookBack(), Double.toString(t.learningRate()));
        if (!t.clipping().equals("none")) {
            name += " clip " + t.clipping();
        }
        if (!t.tbptt().equals("none")) {
            name += " tbptt " + t.tbptt();
        }
        return name;
    }

    /**
     * A configuration's outcomes over its seeds and folds.
     *
     * @param configuration the name
     * @param validation    the mean validation loss over the tasks that ran
     * @param outcomes      the outcomes of its tasks (failed ones included)
     */
    public record Scored(String configuration, double validation, List<TaskOutcome> outcomes) {
        /** @return the tasks that failed */
        public long failures() {
            return outcomes.stream().filter(o -> !o.ok()).count();
        }

        /** @return the sample standard deviation of the validation loss over the tasks that ran (NaN for fewer than 2) */
        public double validationSd() {
            double[] v = outcomes.stream().filter(TaskOutcome::ok).mapToDouble(TaskOutcome::validationLoss).toArray();
            if (v.length < 2) {
                return Double.NaN;
            }
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
        }

        /** @return the mean of the model's metric over the tasks that ran (NaN when none ran) */
        public double meanMetric() {
            return outcomes.stream().filter(TaskOutcome::ok).mapToDouble(TaskOutcome::model).average().orElse(Double.NaN);
        }

        /** @return each baseline's mean metric over the tasks that ran, in the outcomes' order */
        public Map<String, Double> meanBaselines() {
            Map<String, double[]> sums = new LinkedHashMap<>();
            outcomes.stream().filter(TaskOutcome::ok).forEach(o -> o.baselines().forEach((k, v) -> {
                double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                s[0] += v;
                s[1]++;
            }));
            Map<String, Double> out = new LinkedHashMap<>();
            sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
            return out;
        }
    }

    /**
     * @param outcomes the plan's outcomes, ids as {@link #tasks()} made them
     * @return every configuration scored, best (lowest mean validation loss) first; configurations
     *         with a failed task come after all those without, ordered the same way among themselves,
     *         and those all of whose tasks failed come last
     */
    public static List<Scored> ranked(List<TaskOutcome> outcomes) {
        Map<String, List<TaskOutcome>> byConfig = new LinkedHashMap<>();
        for (TaskOutcome o : outcomes) {
            int slash = o.id().lastIndexOf("/seed-");
            String config = slash < 0 ? o.id() : o.id().substring(0, slash);
            byConfig.computeIfAbsent(config, k -> new ArrayList<>()).add(o);
        }
        List<Scored> out = new ArrayList<>();
        byConfig.forEach((config, os) -> out.add(new Scored(config, os.stream().filter(TaskOutcome::ok)
                .mapToDouble(TaskOutcome::validationLoss).average().orElse(Double.NaN), List.copyOf(os))));
        // a configuration that failed on some seed or fold (diverged, say) ranks after every one that never failed
        out.sort(Comparator.comparing((Scored s) -> s.failures() > 0)
                .thenComparingDouble(s -> Double.isNaN(s.validation()) ? Double.POSITIVE_INFINITY : s.validation()));
        return out;
    }

    /**
     * @param outcomes the plan's outcomes
     * @return the configuration with the lowest mean validation loss
     * @throws IllegalArgumentException when every task failed
     */
    public static Scored best(List<TaskOutcome> outcomes) {
        Scored top = ranked(outcomes).get(0);
        if (Double.isNaN(top.validation())) {
            throw new IllegalArgumentException("every task of the sweep failed; the first: " + outcomes.get(0).error());
        }
        return top;
    }
}
