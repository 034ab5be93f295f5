package io.github.rnnkit.core.run;

import java.io.Serializable;

/**
 * One independent unit of a plan: a value that names itself and, run anywhere (this thread, a pool
 * thread, a Spark executor), trains and reports a {@link TaskOutcome}. A task must catch its own
 * errors and report them as a failed outcome, so that one bad task never ends a plan; it must run
 * on the calling thread alone (see {@link TaskRunner#singleThreaded()}).
 */
public interface RunTask extends Serializable {
    /** @return a name unique within a plan (results are kept by it) */
    String id();

    /** @return what the task gave, or its error as a failed outcome */
    TaskOutcome run();
}
