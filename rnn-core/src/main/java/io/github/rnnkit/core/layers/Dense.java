package io.github.rnnkit.core.layers;

import org.bytedeco.openblas.global.openblas;

/**
 * Row-major float64 matrix products on heap arrays through OpenBLAS (the binding nd4j-native
 * loads): {@code C = op(A) op(B) + beta C}. The per-step products of an encoder-decoder and of
 * attention are a minibatch of rows by a weight matrix; as plain loops they took most of a
 * training step. Shared by the kernels of {@code core.seq2seq} and {@code core.attention}.
 */
public final class Dense {
    private Dense() {
    }

    /**
     * @param transA use Aᵀ
     * @param transB use Bᵀ
     * @param m      rows of op(A) and C
     * @param n      columns of op(B) and C
     * @param k      columns of op(A), rows of op(B)
     * @param a      A, row-major
     * @param b      B, row-major
     * @param beta   0 to overwrite C, 1 to add to it
     * @param c      C {@code [m][n]}, row-major
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double beta, double[] c) {
        if (m == 0 || n == 0 || k == 0) {
            if (beta == 0) {
                java.util.Arrays.fill(c, 0, m * n, 0);
            }
            return;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1.0, a, transA ? m : k, b, transB ? k : n, beta, c,
                n);
    }

    /**
     * @param rows equal-length rows
     * @return the rows side by side in one row-major array
     */
    public static double[] flat(double[][] rows) {
        int cols = rows[0].length;
        double[] out = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * cols, cols);
        }
        return out;
    }
}
