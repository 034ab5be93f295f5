package io.github.rnnkit.spark;

import io.github.rnnkit.core.run.ResultsFile;
import io.github.rnnkit.core.run.TaskOutcome;
import io.github.rnnkit.core.run.ThreadSettings;
import io.github.rnnkit.core.run.TaskRunner;
import io.github.rnnkit.core.run.LocalRunner;
import io.github.rnnkit.core.run.PlanRunner;
import io.github.rnnkit.core.run.RunTask;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs a plan of {@link RunTask}s on Spark, one Spark job of one partition per task, so that
 * Spark schedules them across its executors' cores, retries a task whose executor dies, and hands
 * back each outcome as soon as its job ends. Each executor trains single-threaded
 * ({@link TaskRunner#singleThreaded()}; in local mode, where executors are this JVM's threads, the
 * driver's {@link io.github.rnnkit.core.run.ThreadSettings} are restored after each plan). Outcomes are saved as they arrive in the same results file
 * as {@link io.github.rnnkit.core.run.LocalRunner}'s, and a rerun skips the tasks already there; a
 * task that throws is an outcome with its message.
 *
 * <p>On Java 17 the JVMs Spark runs in need {@code --add-opens=java.base/java.nio=ALL-UNNAMED
 * --add-opens=java.base/sun.nio.ch=ALL-UNNAMED} (embedded mode: the driver's own JVM);
 * {@code spark-submit} adds its full list itself.
 */
public final class SparkRunner implements PlanRunner {
    private final JavaSparkContext context;
    private final boolean owned;

    /**
     * @param context a running Spark context (the caller stops it)
     */
    public SparkRunner(JavaSparkContext context) {
        this(context, false);
    }

    private SparkRunner(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /**
     * @param master e.g. {@code local[*]} or {@code spark://host:7077}
     * @return a runner on a new context ({@link #context}, 4 attempts per task) that {@link #close} stops
     */
    public static SparkRunner open(String master) {
        return new SparkRunner(context(master, 4), true);
    }

    /**
     * @param master     e.g. {@code local[2]} or {@code spark://host:7077}
     * @param maxFailures attempts per task before the plan fails (Spark's {@code spark.task.maxFailures}; in
     *                    {@code local[N,F]} the F of the master counts instead)
     * @return a Spark context named rnnkit, its UI off
     */
    public static JavaSparkContext context(String master, int maxFailures) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("rnnkit").set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", String.valueOf(maxFailures));
        if (!conf.contains("spark.executor.extraJavaOptions")) {
            // Aeron's timeout: for gradient sharing's transport on the executors (DataParallelTraining). The Vector API: the
            // recurrent layers' float32 gate loops take it when the module is there, so executors must have it whenever
            // this JVM has it, or their networks differ from this JVM's in the last digits.
            boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            conf.set("spark.executor.extraJavaOptions", (vector ? "--add-modules=jdk.incubator.vector " : "") + "-D"
                    + DataParallelTraining.AERON_TIMEOUT + "=" + DataParallelTraining.AERON_TIMEOUT_NANOS);
        }
        if (master.startsWith("spark://") && !conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
            // Not under spark-submit (which ships its jar): executors on this machine, or on machines with the same
            // paths, load rnnkit from where this driver does.
            // absolute: executors run in their own work folders
            conf.set("spark.executor.extraClassPath", java.util.Arrays.stream(System.getProperty("java.class.path")
                    .split(java.io.File.pathSeparator)).map(e -> java.nio.file.Path.of(e).toAbsolutePath().toString())
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        }
        return new JavaSparkContext(conf);
    }

    /**
     * @param plan     the tasks; their ids must be unique
     * @param results  the results file (JSON lines), read first to skip finished tasks, or null
     * @param progress receives each new outcome as it arrives (on the driver)
     * @return every task's outcome, in plan order
     */
    @Override
    public List<TaskOutcome> run(List<? extends RunTask> plan, java.nio.file.Path results, Consumer<TaskOutcome> progress) {
        LocalRunner.requireUniqueIds(plan);
        Map<String, TaskOutcome> done = new LinkedHashMap<>(ResultsFile.read(results));
        List<JavaFutureAction<List<TaskOutcome>>> jobs = new ArrayList<>();
        for (RunTask t : plan) {
            if (!done.containsKey(t.id())) {
                jobs.add(context.parallelize(List.<RunTask>of(t), 1).map(SparkRunner::runOnExecutor).collectAsync());
            }
        }
        List<JavaFutureAction<List<TaskOutcome>>> open = new ArrayList<>(jobs);
        // In local mode the executors are this JVM's threads, and their one-thread settings are process-wide.
        ThreadSettings before = ThreadSettings.current();
        try {
            while (!open.isEmpty()) {
                boolean any = false;
                for (var it = open.iterator(); it.hasNext(); ) {
                    JavaFutureAction<List<TaskOutcome>> job = it.next();
                    if (job.isDone()) {
                        TaskOutcome o = job.get().get(0);
                        done.put(o.id(), o);
                        ResultsFile.write(results, done.values());
                        progress.accept(o);
                        it.remove();
                        any = true;
                    }
                }
                if (!any) {
                    Thread.sleep(50);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed on every attempt Spark made: " + e.getCause().getMessage(), e.getCause());
        } finally {
            if (context.isLocal()) {
                before.restore();
            }
        }
        return plan.stream().map(t -> done.get(t.id())).toList();
    }

    @Override
    public String describe() {
        return "Spark " + context.master() + " (" + context.defaultParallelism() + " cores)";
    }

    /** Stops the context when this runner started it ({@link #open}). */
    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }

    /** Runs on an executor: one thread for this task's training. */
    static TaskOutcome runOnExecutor(RunTask t) {
        TaskRunner.singleThreaded();
        FaultHook.beforeTask(t);
        return TaskRunner.runSafely(t);
    }
}
