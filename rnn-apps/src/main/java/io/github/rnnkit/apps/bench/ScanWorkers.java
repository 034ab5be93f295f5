package io.github.rnnkit.apps.bench;

import io.github.rnnkit.core.layers.MinRnnRuntimeLayer;

import java.util.function.Supplier;

/** Runs a benchmark with the minGRU/minLSTM scan on a given number of workers, then restores the setting. */
final class ScanWorkers {
    private ScanWorkers() {
    }

    /**
     * @param workers threads for {@link MinRnnRuntimeLayer#workers()}, or null to leave the setting
     * @param body    what to run
     * @return what {@code body} returned
     */
    static <T> T with(Integer workers, Supplier<T> body) {
        String property = MinRnnRuntimeLayer.WORKERS_PROPERTY;
        String before = System.getProperty(property);
        if (workers != null) {
            System.setProperty(property, workers.toString());
        }
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
