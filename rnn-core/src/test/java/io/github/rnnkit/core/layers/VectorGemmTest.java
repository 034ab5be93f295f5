package io.github.rnnkit.core.layers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link VectorGemm} against OpenBLAS on shapes that reach every block shape: whole 4-row blocks
 * and leftover rows, 2-vector column blocks and a leftover vector, and offsets into larger buffers.
 */
class VectorGemmTest {
    @ParameterizedTest(name = "m={0} vectors={1} k={2}")
    @CsvSource({"1,1,1", "3,1,7", "4,2,64", "5,3,33", "9,5,128", "32,8,64", "8,6,1"})
    void agreesWithOpenBlas(int m, int vectors, int k) {
        int n = vectors * VectorGates.lanes();
        Random rnd = new Random(m * 31L + k);
        int aOff = 3;
        int bOff = 5;
        int cOff = 7;
        KernelBuffer a = random(rnd, aOff + m * k);
        KernelBuffer b = random(rnd, bOff + k * n);
        KernelBuffer mine = random(rnd, cOff + m * n + 4);
        KernelBuffer blas = KernelBuffer.allocate(DataType.FLOAT, cOff + m * n + 4);
        for (int i = 0; i < blas.capacity(); i++) {
            blas.put(i, mine.get(i));
        }
        VectorGemm.gemm(m, n, k, a.bytes(), aOff, b.bytes(), bOff, mine.bytes(), cOff);
        Blas.gemm(false, false, m, n, k, 1.0, a, aOff, b, bOff, 0.0, blas, cOff);
        for (int i = 0; i < blas.capacity(); i++) {
            double tolerance = 1e-5 * Math.sqrt(k) + 1e-6;
            assertTrue(Math.abs(mine.get(i) - blas.get(i)) <= tolerance,
                    "element " + i + ": " + mine.get(i) + " vs OpenBLAS " + blas.get(i));
        }
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"1", "3"})
    void rejectsColumnsThatAreNotWholeVectors(int extra) {
        KernelBuffer x = KernelBuffer.allocate(DataType.FLOAT, 256);
        assertThrows(IllegalArgumentException.class,
                () -> VectorGemm.gemm(2, VectorGates.lanes() + extra, 2, x.bytes(), 0, x.bytes(), 0, x.bytes(), 0));
    }

    private static KernelBuffer random(Random rnd, int n) {
        KernelBuffer b = KernelBuffer.allocate(DataType.FLOAT, n);
        for (int i = 0; i < n; i++) {
            b.put(i, rnd.nextGaussian());
        }
        return b;
    }
}
