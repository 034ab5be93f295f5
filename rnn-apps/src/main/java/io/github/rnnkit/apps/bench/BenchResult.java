package io.github.rnnkit.apps.bench;

import java.util.Locale;

/**
 * Median times of one configuration and cell.
 *
 * @param config   the configuration
 * @param cell     RNN, LSTM, GRU, MIN_GRU or MIN_LSTM
 * @param trainMs  median milliseconds of one training step (forward, backward, Adam update), after the warm-up
 * @param inferMs  median milliseconds of one inference step (forward only), after the warm-up
 * @param trainMsCold median milliseconds of the first timed training steps (right after the warm-up steps)
 * @param inferMsCold median milliseconds of the first timed inference steps
 * @param warmupSeconds least seconds each step ran before {@code trainMs} and {@code inferMs} were timed
 * @param threads  OpenBLAS threads
 * @param ompWaitPolicy the process's {@code OMP_WAIT_POLICY} (libnd4j's OpenMP threads), or "unset"
 * @param simdLanes floats per SIMD vector in the float32 gate loops, 0 when they run scalar
 */
public record BenchResult(BenchConfig config, String cell, double trainMs, double inferMs, double trainMsCold,
                          double inferMsCold, double warmupSeconds, int threads,
                          String ompWaitPolicy, int simdLanes) {
    /** @return one line of JSON in torch_rnn_bench.py's schema, plus the configuration */
    public String json() {
        return String.format(Locale.ROOT, "{\"fw\": \"rnnkit\", \"cfg\": \"%s\", \"cell\": \"%s\", \"train_ms\": %.3f, "
                        + "\"infer_ms\": %.3f, \"train_ms_cold\": %.3f, \"infer_ms_cold\": %.3f, \"warmup_s\": %.1f, "
                        + "\"threads\": %d, \"omp_wait_policy\": \"%s\", \"simd_lanes\": %d, "
                        + "\"batch\": %d, \"length\": %d, \"input\": %d, \"hidden\": %d, \"layers\": %d, \"scan_workers\": %d}",
                config.name(), cell, trainMs, inferMs, trainMsCold, inferMsCold, warmupSeconds,
                threads, ompWaitPolicy, simdLanes,
                config.batch(), config.length(), config.input(), config.hidden(), config.layers(),
                io.github.rnnkit.core.layers.MinRnnRuntimeLayer.workers());
    }
}
