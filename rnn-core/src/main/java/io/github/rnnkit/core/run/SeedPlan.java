package io.github.rnnkit.core.run;

import io.github.rnnkit.core.eval.SeedRun;
import io.github.rnnkit.core.eval.SeedTrials;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.TrainerOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Several specs, each trained once per seed on the same data, as one plan on a {@link PlanRunner}:
 * {@link SeedTrials#run} for many models at once, on threads or on Spark. Each (spec, seed) is a
 * {@link SeedTask} that builds the data from its recipe and trains on one thread; every runner
 * gives the same trials for the same seeds, and the same as {@link LocalRunner} with one worker.
 *
 * <pre>{@code
 * DatasetRecipe data = () -> CategoricalDataset.builder(SampleDataset.SEATTLE_WEATHER.series())
 *         .window(WindowSpec.manyToOne(10)).split(SplitFractions.DEFAULT).build();
 * try (PlanRunner runner = PlanRunners.forMaster("threads", 2)) {
 *     Map<String, SeedTrials> trials = SeedPlan.run(Map.of("GRU", gruSpec, "LSTM", lstmSpec), data,
 *             List.of(42L, 43L, 44L), TrainerOptions.of(30), runner, outcome -> { });
 * }
 * }</pre>
 */
public final class SeedPlan {
    private SeedPlan() {
    }

    /**
     * @param specs    the models by name, in the order the result keeps
     * @param data     how to build the windows, wherever a task runs
     * @param seeds    at least one seed, the same for every model
     * @param options  how to train, without checkpoints; the seed is replaced by each of {@code seeds}
     * @param runner   where the tasks run
     * @param progress receives each task's outcome as it arrives (id {@code NAME/seed-S})
     * @return each model's trials, with its first seed's network, by name in {@code specs}' order
     * @throws IllegalArgumentException for no seeds, no specs, or checkpoints in the options
     * @throws IllegalStateException when a training failed, with its model, seed and message
     */
    public static Map<String, SeedTrials> run(Map<String, ModelSpec> specs, DatasetRecipe data, List<Long> seeds,
                                              TrainerOptions options, PlanRunner runner, Consumer<TaskOutcome> progress) {
        if (seeds.isEmpty() || specs.isEmpty()) {
            throw new IllegalArgumentException("need at least one model and one seed");
        }
        List<SeedTask> plan = new ArrayList<>();
        specs.forEach((name, spec) -> {
            for (int s = 0; s < seeds.size(); s++) {
                plan.add(SeedTask.of(name + "/seed-" + seeds.get(s), spec, data, seeds.get(s), options, s == 0));
            }
        });
        List<TaskOutcome> outcomes = runner.run(plan, null, progress);
        Map<String, SeedTrials> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, ModelSpec> e : specs.entrySet()) {
            List<SeedRun> runs = new ArrayList<>();
            SeedTask.Payload first = null;
            for (int s = 0; s < seeds.size(); s++, i++) {
                TaskOutcome o = outcomes.get(i);
                if (!o.ok()) {
                    throw new IllegalStateException(e.getKey() + " with seed " + seeds.get(s) + " failed: " + o.error());
                }
                SeedTask.Payload t = (SeedTask.Payload) o.payload();
                first = first == null ? t : first;
                runs.add(t.run());
            }
            out.put(e.getKey(), SeedTrials.of(e.getValue(), runs, first.network(e.getValue())));
        }
        return out;
    }
}
