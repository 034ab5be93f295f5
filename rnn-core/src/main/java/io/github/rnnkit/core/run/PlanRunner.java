package io.github.rnnkit.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a plan of independent {@link RunTask}s: in this process ({@link LocalRunner}) or on Spark
 * (the optional {@code rnn-spark} module, found through {@link PlanRunners}). Every runner gives the
 * same outcomes for the same plan, writes them to the results file as they arrive, and skips the
 * tasks that file already holds. Close it to release what it holds (a Spark context).
 */
public interface PlanRunner extends AutoCloseable {
    /**
     * @param plan     the tasks; their ids must be unique
     * @param results  the results file (JSON lines), read first to skip finished tasks, or null to keep none
     * @param progress receives each new outcome as it arrives, on the calling thread or a pool thread
     * @return every task's outcome, in plan order
     * @throws IllegalArgumentException when two tasks share an id, or the results file holds something else
     */
    List<TaskOutcome> run(List<? extends RunTask> plan, Path results, Consumer<TaskOutcome> progress);

    /** @return where tasks run, for reports, e.g. {@code 2 threads in this process} or {@code Spark local[2]} */
    String describe();

    /** Releases the runner's resources; the default has none. */
    @Override
    default void close() {
    }
}
