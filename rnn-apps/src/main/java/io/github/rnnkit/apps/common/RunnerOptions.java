package io.github.rnnkit.apps.common;

import io.github.rnnkit.core.run.PlanRunners;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} and {@code --workers N}: where a command's independent trainings run (a
 * {@link io.github.rnnkit.core.run.PlanRunner}), one option each, validated here for every command.
 */
public final class RunnerOptions {
    /** A Spark master, or {@code threads}; null when not given. */
    @Option(names = "--spark", paramLabel = "MASTER", description = "run the trainings on Spark: local[*], local[N] or spark://HOST:7077 "
            + "(the launcher then builds and adds rnn-spark); threads: a thread pool in this process")
    public String master;

    /** Threads of the local runner; null when not given. */
    @Option(names = "--workers", converter = OptionValues.Positive.class, paramLabel = "N",
            description = "trainings at once on threads in this process, one thread each")
    public Integer workers;

    /**
     * @param defaultMaster the master when {@code --spark} is not given ({@code threads}, or e.g. {@code local[*]})
     * @return the master to run on
     * @throws IllegalArgumentException when both options are given, or a Spark master is asked for without rnn-spark
     */
    public String master(String defaultMaster) {
        if (master != null && workers != null && !master.equals("threads")) {
            throw new IllegalArgumentException("--workers counts threads in this process; with --spark, Spark's master decides "
                    + "(e.g. local[4])");
        }
        String m = master != null ? master : defaultMaster;
        if (!m.equals("threads") && !PlanRunners.sparkAvailable()) {
            throw new IllegalArgumentException("--spark " + m + ": " + PlanRunners.SPARK_HINT);
        }
        return m;
    }

    /**
     * @param defaultWorkers threads when {@code --workers} is not given
     * @return threads of the local runner
     */
    public int workers(int defaultWorkers) {
        return workers != null ? workers : defaultWorkers;
    }
}
