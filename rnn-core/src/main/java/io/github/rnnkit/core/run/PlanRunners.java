package io.github.rnnkit.core.run;

import java.util.ServiceLoader;

/** Chooses the runner for a master: this process, or a distributed engine's module when it is present. */
public final class PlanRunners {
    /** The module to build for Spark masters, and how, for error messages. */
    public static final String SPARK_HINT = "Spark runs need the rnn-spark module on the class path (the ./rnnkit launcher "
            + "adds it when --spark is given; in a project, depend on io.github.rnnkit:rnn-spark)";

    private PlanRunners() {
    }

    /**
     * @param master  null or {@code threads} for a {@link LocalRunner}; otherwise a master such as
     *                {@code local[*]} or {@code spark://host:7077}, run by the provider that accepts it
     * @param workers threads of a local runner
     * @return a started runner
     * @throws IllegalArgumentException when no provider on the class path accepts {@code master}
     */
    public static PlanRunner forMaster(String master, int workers) {
        if (master == null || master.equals("threads")) {
            return new LocalRunner(workers);
        }
        for (PlanRunnerProvider p : ServiceLoader.load(PlanRunnerProvider.class)) {
            if (p.accepts(master)) {
                return p.open(master);
            }
        }
        throw new IllegalArgumentException("no runner for the master '" + master + "': " + SPARK_HINT);
    }

    /** @return true when a provider for Spark masters is on the class path */
    public static boolean sparkAvailable() {
        for (PlanRunnerProvider p : ServiceLoader.load(PlanRunnerProvider.class)) {
            if (p.accepts("local[*]")) {
                return true;
            }
        }
        return false;
    }
}
