package io.github.rnnkit.spark;

import io.github.rnnkit.core.run.RunTask;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test hook: the first attempt of a task whose id is listed fails as a lost executor would (an
 * error outside the task's own code, which Spark retries), later attempts run. Empty in use.
 */
final class FaultHook {
    /** Ids whose first attempt fails; tests fill it before a run (local mode shares this JVM). */
    static final Set<String> FAIL_FIRST_ATTEMPT = ConcurrentHashMap.newKeySet();

    private FaultHook() {
    }

    static void beforeTask(RunTask t) {
        if (FAIL_FIRST_ATTEMPT.remove(t.id())) {
            throw new IllegalStateException("test hook: the first attempt of " + t.id() + " is lost");
        }
    }
}
