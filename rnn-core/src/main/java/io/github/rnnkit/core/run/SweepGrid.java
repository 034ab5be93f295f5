package io.github.rnnkit.core.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grid of configurations over one series (cells × hidden sizes × look-backs × learning rates),
 * each trained with every seed: the plan of a hyper-parameter sweep. Configurations are compared
 * on their mean validation loss over the seeds (never on the test part, which a sweep must not
 * look at); {@link #best} names the winner.
 *
 * @param base          the task every configuration starts from (its series, epochs and patience)
 * @param cells         cell labels
 * @param hidden        hidden sizes (one stack each)
 * @param lookBacks     look-backs
 * @param learningRates Adam's step sizes
 * @param seeds         seeds, each configuration trained once per seed
 * @serial exclude
 */
public record SweepGrid(TrainingTask base, List<String> cells, List<List<Integer>> hidden, List<Integer> lookBacks,
                        List<Double> learningRates, List<Long> seeds) implements Serializable {
    /**
     * Validates the values.
     *
     * @param base          the task every configuration starts from
     * @param cells         cell labels
     * @param hidden        hidden sizes
     * @param lookBacks     look-backs
     * @param learningRates learning rates
     * @param seeds         seeds
     * @throws IllegalArgumentException when a dimension is empty (each new task checks its own values)
     */
    public SweepGrid {
        if (cells.isEmpty() || hidden.isEmpty() || lookBacks.isEmpty() || learningRates.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("every dimension of a sweep needs at least one value");
        }
        cells = List.copyOf(cells);
        hidden = hidden.stream().map(List::copyOf).toList();
        lookBacks = List.copyOf(lookBacks);
        learningRates = List.copyOf(learningRates);
        seeds = List.copyOf(seeds);
    }

    /**
     * @return one task per configuration and seed, ids {@code CONFIG/seed-S} with CONFIG as
     *         {@link #configuration} names it
     */
    public List<TrainingTask> tasks() {
        List<TrainingTask> out = new ArrayList<>();
        for (String cell : cells) {
            for (List<Integer> h : hidden) {
                for (int lookBack : lookBacks) {
                    for (double lr : learningRates) {
                        for (long seed : seeds) {
                            out.add(new TrainingTask(name(cell, h, lookBack, lr) + "/seed-" + seed, base.sample(), base.csv(),
                                    base.column(), cell, h, lookBack, base.epochs(), base.patience(), lr, seed));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param t a task
     * @return its configuration's name, the same for all seeds, e.g. {@code gru h32 lb10 lr0.005}
     */
    public static String configuration(TrainingTask t) {
        return name(t.cell(), t.hidden(), t.lookBack(), t.learningRate());
    }

    private static String name(String cell, List<Integer> hidden, int lookBack, double learningRate) {
        return String.format(Locale.ROOT, "%s h%s lb%d lr%s", cell, String.join("-", hidden.stream().map(String::valueOf).toList()),
                lookBack, Double.toString(learningRate));
    }

    /**
     * A configuration's outcomes over its seeds.
     *
     * @param configuration the name
     * @param validation    the mean validation loss over the seeds that ran
     * @param outcomes      the outcomes of its seeds (failed ones included)
     */
    public record Scored(String configuration, double validation, List<TaskOutcome> outcomes) {
        /** @return the seeds that failed */
        public long failures() {
            return outcomes.stream().filter(o -> !o.ok()).count();
        }
    }

    /**
     * @param outcomes the plan's outcomes, ids as {@link #tasks()} made them
     * @return every configuration scored, best (lowest mean validation loss) first; configurations
     *         all of whose seeds failed come last
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
        out.sort(Comparator.comparingDouble((Scored s) -> Double.isNaN(s.validation()) ? Double.POSITIVE_INFINITY : s.validation()));
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
