package io.github.rnnkit.core.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a loop over time once per block of minibatch rows, the blocks on different cores at once.
 *
 * <p>The sequences of a minibatch are independent: row r's state at step t depends only on row
 * r's earlier states. A loop over time can therefore run each block of rows from the first step
 * to the last with no exchange between blocks, where splitting each step's small matrix product
 * over threads (what OpenBLAS does by itself) makes the threads meet once or twice per step and
 * leaves the gate arithmetic between the products on one core. At configuration b of the
 * benchmark (64 rows, 128 units, 100 steps) OpenBLAS's threads spent a third of a GRU inference
 * step waiting for each other ({@code sched_yield}).
 *
 * <p>Blocks run only with SIMD kernels, whose per-step products then run in {@link VectorGemm}
 * on each block's own thread ({@link CellKernel#splitByRows}): OpenBLAS's thread count is
 * process-wide, and setting it to one and back cost about 0.4 ms.
 */
final class MinibatchSplit {
    /** Fewer rows per block than this are not worth a thread handing over. */
    static final int MIN_ROWS = 8;
    /** Less work per pass than this (steps x rows x gate width, multiply-adds per unit) stays on one thread. */
    static final long MIN_WORK = 1L << 16;
    /** Tests set this to split small problems too; 0 leaves the rules above. */
    static int forcedBlocks;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(Math.max(1, CORES - 1), r -> {
        Thread t = new Thread(r, "rnnkit-minibatch-split");
        t.setDaemon(true);
        return t;
    });

    /** A loop over time for rows {@code [from, to)} of the minibatch. */
    @FunctionalInterface
    interface Rows {
        void run(int block, int from, int to);
    }

    private MinibatchSplit() {
    }

    /**
     * @param rows  minibatch size
     * @param work  steps x rows x gate width of the pass
     * @param simd  whether the kernel runs in SIMD lanes; without, it runs in one block
     * @return how many blocks {@link #run} splits {@code rows} into
     */
    static int blocks(int rows, long work, boolean simd) {
        if (!simd) {
            return 1;
        }
        if (forcedBlocks > 0) {
            return Math.max(1, Math.min(forcedBlocks, rows));
        }
        if (CORES < 2 || work < MIN_WORK) {
            return 1;
        }
        return Math.max(1, Math.min(CORES, rows / MIN_ROWS));
    }

    /**
     * Runs {@code loop} over {@code blocks} blocks of about equal size covering rows
     * {@code [0, rows)}, block 0 on the calling thread; returns when all are done and rethrows
     * the first failure.
     */
    static void run(int rows, int blocks, Rows loop) {
        if (blocks <= 1) {
            loop.run(0, 0, rows);
            return;
        }
        List<Future<?>> others = new ArrayList<>(blocks - 1);
        for (int b = 1; b < blocks; b++) {
            int block = b;
            others.add(WORKERS.submit(() -> loop.run(block, from(rows, blocks, block), from(rows, blocks, block + 1))));
        }
        Throwable failure = null;
        try {
            loop.run(0, 0, from(rows, blocks, 1));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : others) {
            // Wait even when interrupted: the blocks write into buffers the next pass reuses.
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException("a minibatch block failed", failure);
        }
    }

    /** @return the first row of block {@code b} of {@code blocks} over {@code rows} rows */
    static int from(int rows, int blocks, int b) {
        return (int) ((long) rows * b / blocks);
    }
}
