package io.github.rnnkit.core.layers;

import org.bytedeco.openblas.global.openblas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * Row-major double-precision matrix products on direct buffers through OpenBLAS (the JavaCPP
 * binding nd4j-native already loads): {@code C[off..] = alpha op(A) op(B) + beta C}. Offsets
 * select row blocks of larger buffers without copying.
 */
final class Blas {
    private Blas() {
    }

    /** @return a zeroed direct buffer of {@code n} doubles in native byte order */
    static DoubleBuffer allocate(long n) {
        return ByteBuffer.allocateDirect(Math.toIntExact(n * Double.BYTES)).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /**
     * @param transA use Aᵀ
     * @param transB use Bᵀ
     * @param m      rows of op(A) and C
     * @param n      columns of op(B) and C
     * @param k      columns of op(A), rows of op(B)
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     DoubleBuffer a, int aOff, DoubleBuffer b, int bOff, double beta, DoubleBuffer c, int cOff) {
        if (m == 0 || n == 0) {
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        openblas.cblas_dgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha,
                a.slice(aOff, a.capacity() - aOff), lda, b.slice(bOff, b.capacity() - bOff), ldb, beta,
                c.slice(cOff, c.capacity() - cOff), n);
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh through {@link Math#exp}, which HotSpot compiles to an intrinsic while
     * {@link Math#tanh} stays a slow library call; absolute error below 1e-15.
     */
    static double tanh(double x) {
        if (x > 20) {
            return 1.0;
        }
        if (x < -20) {
            return -1.0;
        }
        double e = Math.exp(2 * x);
        return (e - 1) / (e + 1);
    }
}
