package io.github.rnnkit.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a plan of {@link TrainingTask}s on a pool of threads in this process, each task on one
 * thread ({@link TaskRunner#singleThreaded()}, the previous settings restored when the plan ends). Outcomes are written to a results file (one JSON
 * line per task) as they arrive, the whole file replaced atomically each time, so a killed plan
 * leaves every finished outcome intact; run again with the same file, the plan skips the tasks
 * already there. A task that fails is an outcome with its message, not the end of the plan.
 */
public final class LocalRunner implements PlanRunner {
    private final int workers;

    /**
     * @param workers tasks run at once, at least 1 (the cores, for training)
     */
    public LocalRunner(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers: at least 1, got " + workers);
        }
        this.workers = workers;
    }

    /**
     * @param plan     the tasks; their ids must be unique
     * @param results  the results file (JSON lines), read first to skip finished tasks, or null to keep none
     * @param progress receives each new outcome as it arrives
     * @return every task's outcome, in plan order
     * @throws IllegalArgumentException when two tasks share an id, or the results file holds something else
     */
    @Override
    public List<TaskOutcome> run(List<? extends RunTask> plan, Path results, Consumer<TaskOutcome> progress) {
        requireUniqueIds(plan);
        Map<String, TaskOutcome> done = new LinkedHashMap<>(ResultsFile.read(results));
        // Restored at the end: the settings are process-wide, and the caller's own training should not inherit them.
        ThreadSettings before = ThreadSettings.current();
        TaskRunner.singleThreaded();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (RunTask t : plan) {
                if (done.containsKey(t.id())) {
                    continue;
                }
                pending.add(pool.submit(() -> {
                    if (stopped.get()) {
                        return;
                    }
                    TaskOutcome o = TaskRunner.runSafely(t);
                    synchronized (done) {
                        if (stopped.get()) {
                            return;   // the plan ended with an error: a task still running then does not add to its results
                        }
                        done.put(o.id(), o);
                        ResultsFile.write(results, done.values());
                        try {
                            progress.accept(o);
                        } catch (RuntimeException e) {
                            stopped.set(true);
                            throw e;
                        }
                    }
                }));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            stopped.set(true);
            pool.shutdownNow();
            before.restore();
        }
        return plan.stream().map(t -> done.get(t.id())).toList();
    }

    @Override
    public String describe() {
        return workers + (workers == 1 ? " thread" : " threads") + " in this process";
    }

    /**
     * @param plan a plan
     * @throws IllegalArgumentException when two of its tasks share an id
     */
    public static void requireUniqueIds(List<? extends RunTask> plan) {
        Set<String> ids = new HashSet<>();
        for (RunTask t : plan) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("two tasks of the plan share the id '" + t.id() + "'");
            }
        }
    }
}
