package io.github.rnnkit.spark;

import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.PlanRunnerProvider;

/**
 * Spark's entry in {@link io.github.rnnkit.core.run.PlanRunners}: masters {@code local}, {@code local[N]},
 * {@code local[N,F]}, {@code local[*]}, {@code spark://...}, {@code yarn} and {@code k8s://...} open a
 * {@link SparkRunner} on a new context.
 */
public final class SparkRunnerProvider implements PlanRunnerProvider {
    /** Made by {@link java.util.ServiceLoader}. */
    public SparkRunnerProvider() {
    }

    @Override
    public boolean accepts(String master) {
        return master.equals("local") || master.matches("local\\[(\\*|\\d+)(,\\d+)?]") || master.startsWith("spark://")
                || master.equals("yarn") || master.startsWith("k8s://");
    }

    @Override
    public PlanRunner open(String master) {
        return SparkRunner.open(master);
    }
}
