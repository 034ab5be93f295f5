package io.github.rnnkit.core.layers;

import org.nd4j.linalg.api.buffer.DataType;

import java.util.HashMap;
import java.util.Map;

/**
 * Direct buffers a layer reuses from one pass to the next, by purpose, all in the layer's
 * kernel precision (see {@link KernelBuffer}). Allocating fresh direct memory on every pass is
 * slow and is freed only when a garbage collection runs, so a busy training loop would stall on
 * the JVM's direct-memory limit. One pool belongs to one layer; a buffer is handed out again only
 * after the pass that used it is over (layers run one pass at a time).
 */
final class BufferPool {
    private final DataType dataType;
    private final Map<String, KernelBuffer> buffers = new HashMap<>();

    /** @param dataType the layer's data type: DOUBLE gives float64 buffers, anything else float32 */
    BufferPool(DataType dataType) {
        this.dataType = dataType == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
    }

    /** @return a buffer of at least {@code n} elements whose first {@code n} are zero */
    KernelBuffer zeros(String purpose, long n) {
        KernelBuffer b = any(purpose, n);
        b.zero(Math.toIntExact(n));
        return b;
    }

    /** @return a buffer of at least {@code n} elements with unspecified contents */
    KernelBuffer any(String purpose, long n) {
        KernelBuffer b = buffers.get(purpose);
        if (b == null || b.capacity() < n) {
            b = KernelBuffer.allocate(dataType, n);
            buffers.put(purpose, b);
        }
        return b;
    }
}
