package io.github.rnnkit.core.layers;

import java.nio.DoubleBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Direct buffers a layer reuses from one pass to the next, by purpose. Allocating fresh direct
 * memory on every pass is slow and is freed only when a garbage collection runs, so a busy
 * training loop would stall on the JVM's direct-memory limit. One pool belongs to one layer;
 * a buffer is handed out again only after the pass that used it is over (layers run one pass
 * at a time).
 */
final class BufferPool {
    private static final double[] ZEROS = new double[1 << 14];
    private final Map<String, DoubleBuffer> buffers = new HashMap<>();

    /** @return a buffer of at least {@code n} doubles whose first {@code n} are zero */
    DoubleBuffer zeros(String purpose, long n) {
        DoubleBuffer b = any(purpose, n);
        int size = Math.toIntExact(n);
        for (int i = 0; i < size; i += ZEROS.length) {
            b.put(i, ZEROS, 0, Math.min(ZEROS.length, size - i));
        }
        return b;
    }

    /** @return a buffer of at least {@code n} doubles with unspecified contents */
    DoubleBuffer any(String purpose, long n) {
        DoubleBuffer b = buffers.get(purpose);
        if (b == null || b.capacity() < n) {
            b = Blas.allocate(n);
            buffers.put(purpose, b);
        }
        return b;
    }
}
