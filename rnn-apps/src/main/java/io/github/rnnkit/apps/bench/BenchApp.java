package io.github.rnnkit.apps.bench;

import io.github.rnnkit.core.layers.Simd;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Times rnnkit's training and inference steps on the benchmark configurations. */
public final class BenchApp {
    private BenchApp() {
    }

    /**
     * @param configs configurations to run
     * @param cells   cells to run
     * @param steps   timed steps (the median is reported), at least 1
     * @param warmup  untimed steps first
     * @param threads OpenBLAS threads, or 0 to leave the default
     */
    public record Options(List<BenchConfig> configs, List<CellType> cells, int steps, int warmup, int threads) {
        public Options {
            if (steps < 1 || warmup < 0) {
                throw new IllegalArgumentException("--steps must be at least 1 and --warmup at least 0");
            }
        }
    }

    /** Runs every configuration and cell, giving each result to {@code sink} as it comes. */
    public static List<BenchResult> run(Options o, java.util.function.Consumer<BenchResult> sink) {
        if (o.threads() > 0) {
            Nd4j.factory().blas().setMaxThreads(o.threads());
        }
        int threads = Nd4j.factory().blas().getMaxThreads();
        String policy = ompWaitPolicy();
        List<BenchResult> out = new ArrayList<>();
        for (BenchConfig c : o.configs()) {
            DataSet data = c.data(0);
            for (CellType cell : o.cells()) {
                RnnNetwork net = NetworkFactory.create(c.spec(cell));
                double train = median(() -> net.fit(data), o.warmup(), o.steps());
                double infer = median(() -> net.output(data.getFeatures()), o.warmup(), o.steps());
                BenchResult r = new BenchResult(c, cell == CellType.SIMPLE_RNN ? "RNN" : cell.name(), train, infer, threads,
                        policy, Simd.lanes());
                out.add(r);
                sink.accept(r);
            }
        }
        return out;
    }

    /** @return {@code OMP_WAIT_POLICY} as libnd4j's OpenMP runtime read it at start-up, or "unset" */
    public static String ompWaitPolicy() {
        String p = System.getenv("OMP_WAIT_POLICY");
        return p == null || p.isBlank() ? "unset" : p.trim();
    }

    private static double median(Runnable step, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return steps % 2 == 1 ? ms[steps / 2] : (ms[steps / 2 - 1] + ms[steps / 2]) / 2;
    }
}
