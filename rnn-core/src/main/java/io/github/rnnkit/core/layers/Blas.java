package io.github.rnnkit.core.layers;

import org.bytedeco.openblas.global.openblas;

/**
 * Row-major matrix products on {@link KernelBuffer}s through OpenBLAS (the JavaCPP binding
 * nd4j-native already loads): {@code C[off..] = alpha op(A) op(B) + beta C}, in {@code sgemm}
 * for float32 buffers and {@code dgemm} for float64 ones. Offsets select row blocks of larger
 * buffers without copying.
 */
final class Blas {
    private Blas() {
    }

    /**
     * @param transA use Aᵀ
     * @param transB use Bᵀ
     * @param m      rows of op(A) and C
     * @param n      columns of op(B) and C
     * @param k      columns of op(A), rows of op(B)
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     KernelBuffer a, int aOff, KernelBuffer b, int bOff, double beta, KernelBuffer c, int cOff) {
        if (m == 0 || n == 0) {
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        if (c instanceof KernelBuffer.F32 cf) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    ((KernelBuffer.F32) a).from(aOff), lda, ((KernelBuffer.F32) b).from(bOff), ldb, (float) beta,
                    cf.from(cOff), n);
        } else {
            openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, m, n, k, alpha,
                    ((KernelBuffer.F64) a).from(aOff), lda, ((KernelBuffer.F64) b).from(bOff), ldb, beta,
                    ((KernelBuffer.F64) c).from(cOff), n);
        }
    }

    /**
     * {@code y = alpha op(A) x + beta y} for row-major A {@code [m, n]}, x and y read with strides
     * {@code incX}, {@code incY}: OpenBLAS's {@code gemm} is slow on products with one row or
     * column (a 1 x 64 x 3200 product took 125 us, the same work as {@code gemv} a fraction).
     */
    static void gemv(boolean transA, int m, int n, double alpha, KernelBuffer a, int aOff, KernelBuffer x, int xOff,
                     int incX, double beta, KernelBuffer y, int yOff, int incY) {
        if (m == 0 || n == 0) {
            return;
        }
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        if (y instanceof KernelBuffer.F32 yf) {
            openblas.cblas_sgemv(openblas.CblasRowMajor, ta, m, n, (float) alpha, ((KernelBuffer.F32) a).from(aOff), n,
                    ((KernelBuffer.F32) x).from(xOff), incX, (float) beta, yf.from(yOff), incY);
        } else {
            openblas.cblas_dgemv(openblas.CblasRowMajor, ta, m, n, alpha, ((KernelBuffer.F64) a).from(aOff), n,
                    ((KernelBuffer.F64) x).from(xOff), incX, beta, ((KernelBuffer.F64) y).from(yOff), incY);
        }
    }
}
