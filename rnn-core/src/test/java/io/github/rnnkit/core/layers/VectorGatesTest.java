package io.github.rnnkit.core.layers;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SIMD activations against {@link Math#tanh} on a dense grid, as {@link ActivationsTest} does the scalar ones. */
class VectorGatesTest {
    @Test
    void simdTanhAndSigmoidMeetTheStatedAccuracy() {
        assertTrue(Simd.lanes() > 0, "run the tests with --add-modules jdk.incubator.vector (as the build does)");
        int n = 60_000 / Simd.lanes() * Simd.lanes();
        ByteBuffer x = floats(n);
        ByteBuffer zeros = floats(n);
        ByteBuffer tanh = floats(n);
        ByteBuffer sigmoid = floats(n);
        for (int i = 0; i < n; i++) {
            x.putFloat(4 * i, (float) (-30 + 60.0 * i / n));
        }
        // Bias and second input are added to x: zeros here; the cell tests cover the sums.
        VectorGates.tanh(tanh, 0, x, 0, zeros, 0, zeros, 0, n);
        VectorGates.sigmoid(sigmoid, 0, x, 0, zeros, 0, zeros, 0, n);
        double worstTanh = 0;
        double worstSigmoid = 0;
        for (int i = 0; i < n; i++) {
            double v = x.getFloat(4 * i);
            worstTanh = Math.max(worstTanh, Math.abs(tanh.getFloat(4 * i) - Math.tanh(v)));
            worstSigmoid = Math.max(worstSigmoid, Math.abs(sigmoid.getFloat(4 * i) - 1 / (1 + Math.exp(-v))));
        }
        assertTrue(worstTanh < 1e-6, "SIMD tanh worst absolute error " + worstTanh);
        assertTrue(worstSigmoid < 1e-6, "SIMD sigmoid worst absolute error " + worstSigmoid);
        assertEquals(0f, tanh.getFloat(4 * (n / 2)) , 1e-6f, "tanh near 0");
    }

    private static ByteBuffer floats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
    }
}
