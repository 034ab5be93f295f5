package io.github.rnnkit.core.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A float32 matrix product in SIMD lanes on the calling thread: {@code C = A B} for row-major
 * {@code A [m, k]}, {@code B [k, n]}, {@code C [m, n]}, with {@code n} a multiple of
 * {@link VectorGates#lanes()}.
 *
 * <p>This is the per-step recurrent product of one block of minibatch rows when
 * {@link MinibatchSplit} runs blocks on several cores. OpenBLAS cannot serve there: its thread
 * count is process-wide, and switching it to one thread and back took about 0.4 ms here, more
 * than a whole inference pass at benchmark configuration a. On one thread this product ran at
 * 58-66 GFLOP/s on the benchmark shapes (32 x 64..128 x 64..512), against OpenBLAS's 44-84 on
 * one thread and 101 on two for the full 64-row product (docs/BENCHMARKS.md).
 *
 * <p>Blocks of 4 rows of C by 2 vectors keep 8 sums in registers: each element of B read is
 * used 4 times, each element of A twice. The block is small on purpose. A 4 x 4 block (16 sums)
 * ran 10 % faster when compiled well, but its method was too large for C1 ("out of virtual
 * registers") and at times for C2's inlining of the Vector API, and then ran in the API's Java
 * fallback, 15 times slower. For the same reason there is no {@code C += A B}: a vector chosen by
 * a condition ({@code accumulate ? v.add(c) : v}) makes C2 box vectors; callers add separately.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorGemm() {
    }

    private static FloatVector load(ByteBuffer b, int i) {
        return FloatVector.fromByteBuffer(S, b, i << 2, ORDER);
    }

    private static FloatVector scalar(ByteBuffer b, int i) {
        return FloatVector.broadcast(S, b.getFloat(i << 2));
    }

    private static void store(FloatVector v, ByteBuffer c, int i) {
        v.intoByteBuffer(c, i << 2, ORDER);
    }

    /**
     * {@code C[cOff..] = A[aOff..] B[bOff..]}; offsets in floats, rows of A {@code k} long and of
     * B and C {@code n} long.
     *
     * @throws IllegalArgumentException if {@code n} is not a multiple of the lane count
     */
    static void gemm(int m, int n, int k, ByteBuffer a, int aOff, ByteBuffer b, int bOff, ByteBuffer c, int cOff) {
        int lanes = S.length();
        if (n % lanes != 0) {
            throw new IllegalArgumentException("columns " + n + " are not a multiple of " + lanes + " lanes");
        }
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * lanes <= n; j += 2 * lanes) {
                rows4cols2(k, n, a, aOff + i * k, b, bOff + j, c, cOff + i * n + j);
            }
            if (j < n) {
                rows4cols1(k, n, a, aOff + i * k, b, bOff + j, c, cOff + i * n + j);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j += lanes) {
                rows1cols1(k, n, a, aOff + i * k, b, bOff + j, c, cOff + i * n + j);
            }
        }
    }

    private static void rows4cols2(int k, int n, ByteBuffer a, int aOff, ByteBuffer b, int bOff, ByteBuffer c,
                                   int cOff) {
        int l = S.length();
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int p = 0; p < k; p++) {
            int row = bOff + p * n;
            FloatVector b0 = load(b, row);
            FloatVector b1 = load(b, row + l);
            FloatVector a0 = scalar(a, aOff + p);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            FloatVector a1 = scalar(a, aOff + k + p);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            FloatVector a2 = scalar(a, aOff + 2 * k + p);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            FloatVector a3 = scalar(a, aOff + 3 * k + p);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
        }
        store(c00, c, cOff);
        store(c01, c, cOff + l);
        store(c10, c, cOff + n);
        store(c11, c, cOff + n + l);
        store(c20, c, cOff + 2 * n);
        store(c21, c, cOff + 2 * n + l);
        store(c30, c, cOff + 3 * n);
        store(c31, c, cOff + 3 * n + l);
    }

    private static void rows4cols1(int k, int n, ByteBuffer a, int aOff, ByteBuffer b, int bOff, ByteBuffer c,
                                   int cOff) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        for (int p = 0; p < k; p++) {
            FloatVector b0 = load(b, bOff + p * n);
            c0 = b0.fma(scalar(a, aOff + p), c0);
            c1 = b0.fma(scalar(a, aOff + k + p), c1);
            c2 = b0.fma(scalar(a, aOff + 2 * k + p), c2);
            c3 = b0.fma(scalar(a, aOff + 3 * k + p), c3);
        }
        store(c0, c, cOff);
        store(c1, c, cOff + n);
        store(c2, c, cOff + 2 * n);
        store(c3, c, cOff + 3 * n);
    }

    private static void rows1cols1(int k, int n, ByteBuffer a, int aOff, ByteBuffer b, int bOff, ByteBuffer c,
                                   int cOff) {
        FloatVector c0 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            c0 = load(b, bOff + p * n).fma(scalar(a, aOff + p), c0);
        }
        store(c0, c, cOff);
    }
}
