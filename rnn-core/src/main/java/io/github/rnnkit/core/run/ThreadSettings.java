package io.github.rnnkit.core.run;

import io.github.rnnkit.core.layers.MinRnnRuntimeLayer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * This process's training thread settings, which {@link TaskRunner#singleThreaded()} changes for
 * every thread: saved before a plan runs tasks in this process and restored after it, so that what
 * the caller computes afterwards (a report's diagnostics, its own training) runs as it would have
 * without the plan, whichever runner ran it.
 *
 * @param blasThreads OpenBLAS's thread count
 * @param scanWorkers the minGRU/minLSTM scan workers' property, or null when unset
 */
public record ThreadSettings(int blasThreads, String scanWorkers) {
    /** @return the settings now */
    public static ThreadSettings current() {
        return new ThreadSettings(Nd4j.factory().blas().getMaxThreads(), System.getProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY));
    }

    /** Puts these settings back. */
    public void restore() {
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        if (scanWorkers == null) {
            System.clearProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY);
        } else {
            System.setProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY, scanWorkers);
        }
    }

    /**
     * Runs {@code work} with this process trained on one thread ({@link TaskRunner#singleThreaded()}),
     * the settings restored after: for what the driver computes beside a plan's tasks (a report's
     * diagnostics) to give the same digits as the tasks would, whatever ran before it.
     *
     * @param work what to compute
     * @param <T>  its result's type
     * @return its result
     */
    public static <T> T onOneThread(java.util.function.Supplier<T> work) {
        ThreadSettings before = current();
        TaskRunner.singleThreaded();
        try {
            return work.get();
        } finally {
            before.restore();
        }
    }
}
