package io.github.rnnkit.apps.bench;

import io.github.rnnkit.core.layers.Simd;
import io.github.rnnkit.core.net.MemoryBudget;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.data.runtime.NativeRuntime;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times rnnkit's training and inference steps on the benchmark configurations.
 *
 * <p>Each step is first run {@code warmup} times untimed, then {@code steps} times timed (the
 * <em>cold</em> median: what the first seconds of a run see), then untimed again until
 * {@code warmupSeconds} have passed since the first step, then {@code steps} times timed (the
 * reported, steady-state median). The JVM compiles hot code in stages over the first thousands of
 * calls; the JDK's vector (SIMD) code in particular is slow until its final compilation. The
 * first steps run in a fresh JVM measured up to 2.7 times slower than steady state
 * (docs/BENCHMARKS.md), so a warm-up counted in steps alone measures the compiler, not the
 * training a real run does.
 */
public final class BenchApp {
    private BenchApp() {
    }

    /**
     * @param configs configurations to run
     * @param cells   cells to run
     * @param steps   timed steps (the median is reported), at least 1
     * @param warmup  untimed steps first
     * @param warmupSeconds least seconds of running before the steady-state steps are timed; 0 times them right after
     *                the cold ones
     * @param threads OpenBLAS threads, or 0 to leave the default
     */
    public record Options(List<BenchConfig> configs, List<CellType> cells, int steps, int warmup, double warmupSeconds,
                          int threads) {
        /**
         * Checks the values.
         *
         * @param configs configurations to run
         * @param cells cells to run
         * @param steps timed steps (the median is reported), at least 1
         * @param warmup untimed steps first
         * @param warmupSeconds least seconds of running before the steady-state steps are timed; 0 times them right after the cold ones
         * @param threads OpenBLAS threads, or 0 to leave the default
         */
        public Options {
            if (steps < 1 || warmup < 0) {
                throw new IllegalArgumentException("--steps must be at least 1 and --warmup at least 0");
            }
            if (!(warmupSeconds >= 0) || warmupSeconds > 3600) {
                throw new IllegalArgumentException("--warmup-seconds must be between 0 and 3600, not " + warmupSeconds);
            }
        }
    }

    /**
     * Runs every configuration and cell, giving each result to {@code sink} as it comes.
     *
     * @param o configurations, cells, steps and warm-up
     * @param sink receives each result as soon as it is measured
     * @return every result, in order
     */
    public static List<BenchResult> run(Options o, java.util.function.Consumer<BenchResult> sink) {
        if (o.threads() > 0) {
            Nd4j.factory().blas().setMaxThreads(o.threads());
        }
        int threads = Nd4j.factory().blas().getMaxThreads();
        String policy = ompWaitPolicy();
        List<BenchResult> out = new ArrayList<>();
        for (BenchConfig c : o.configs()) {
            for (CellType cell : o.cells()) {
                // before c.data allocates the batch: refuse what cannot fit, by name
                MemoryBudget.requireBuildable(c.spec(cell));
                MemoryBudget.requireTrainable(c.spec(cell), c.batch(), c.length());
            }
            MemoryBudget.requireHeap(16.0 * c.batch() * c.length() * (c.input() + c.classes()),
                    "the batch of configuration " + c.name() + " (" + c.batch() + " windows of " + c.length() + " steps)",
                    "--batch or --length");
            DataSet data = c.data(0);
            for (CellType cell : o.cells()) {
                RnnNetwork net = NetworkFactory.create(c.spec(cell));
                Timing train = time(() -> net.fit(data), o);
                Timing infer = time(() -> net.output(data.getFeatures()), o);
                BenchResult r = new BenchResult(c, benchName(cell), train.steady(),
                        infer.steady(), train.cold(), infer.cold(), o.warmupSeconds(), threads, policy, Simd.lanes());
                out.add(r);
                sink.accept(r);
            }
        }
        return out;
    }

    /**
     * @param cell a cell
     * @return its name in results: RNN, LSTM, GRU, MIN_GRU or MIN_LSTM (torch_rnn_bench.py's names for the first three)
     */
    public static String benchName(CellType cell) {
        return cell == CellType.SIMPLE_RNN ? "RNN" : cell.name();
    }

    /**
     * @param name a cell's name in results ({@link #benchName})
     * @return the cell
     */
    public static CellType cellOf(String name) {
        return CellType.parse(name.equals("RNN") ? "rnn" : name);
    }

    /**
     * The machine's float32 matrix-product peak as rnnkit reaches it: ND4J's (OpenBLAS's) sgemm of
     * two 1024 x 1024 matrices on its default threads, best of 5 after one untimed product.
     *
     * @return GFLOP/s
     */
    public static double peakGflops() {
        int n = 1024;
        org.nd4j.linalg.api.ndarray.INDArray a = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        org.nd4j.linalg.api.ndarray.INDArray b = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        org.nd4j.linalg.api.ndarray.INDArray c = org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        a.mmuli(b, c);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            a.mmuli(b, c);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    /**
     * @return {@code OMP_WAIT_POLICY} as libnd4j's OpenMP runtime reads it: the environment's, or
     *         PASSIVE as rnnkit sets it ({@link NativeRuntime}), or "default"
     */
    public static String ompWaitPolicy() {
        return NativeRuntime.configure().ompWaitPolicy().trim();
    }

    /** Median milliseconds of the first timed steps and of the steps after the warm-up time. */
    record Timing(double cold, double steady) {
    }

    static Timing time(Runnable step, Options o) {
        long start = System.nanoTime();
        for (int i = 0; i < o.warmup(); i++) {
            step.run();
        }
        double cold = median(step, o.steps());
        if (o.warmupSeconds() == 0) {
            return new Timing(cold, cold);
        }
        long until = start + (long) (o.warmupSeconds() * 1e9);
        while (System.nanoTime() < until) {
            step.run();
        }
        return new Timing(cold, median(step, o.steps()));
    }

    private static double median(Runnable step, int steps) {
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
