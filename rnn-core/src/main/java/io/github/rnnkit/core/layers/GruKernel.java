package io.github.rnnkit.core.layers;

import java.nio.FloatBuffer;

/**
 * GRU steps in PyTorch's formulation; caches the activated r, z, n and
 * {@code hn = h_{t-1} RW_n + bhn}, the recurrent part the reset gate scales.
 */
final class GruKernel extends CellKernel {
    private final KernelBuffer gates;
    private final KernelBuffer hn;
    /** One step's recurrent product h RW {@code [mb, 3H]}. */
    private final KernelBuffer rec;
    /** In backward, dL/d(h_{t-1} RW) of every step {@code [T*mb, 3H]}. */
    private KernelBuffer dRec;

    GruKernel(int steps, int mb, int hidden, BufferPool pool) {
        super(steps, mb, hidden, 3, pool);
        this.gates = pool.any("gates", (long) steps * mb * width);
        this.hn = pool.any("hn", (long) steps * mb * hidden);
        this.rec = pool.any("rec", (long) mb * width);
    }

    @Override
    void forward(int t, KernelBuffer proj, KernelBuffer bias, KernelBuffer rw, KernelBuffer bhn) {
        int prev = stateOffset(t);
        int next = stateOffset(t + 1);
        int z = gateOffset(t);
        int hnOff = t * mb * hidden;
        Blas.gemm(false, false, mb, width, hidden, 1.0, hs, prev, rw, 0, 0.0, rec, 0);
        if (simd) {
            for (int r = 0; r < mb; r++) {
                int row = z + r * width;
                int recRow = r * width;
                int s = r * hidden;
                // r and z side by side: one pass over 2H
                VectorGates.sigmoid(gates.bytes(), row, proj.bytes(), row, rec.bytes(), recRow, bias.bytes(), 0,
                        2 * hidden);
                VectorGates.gruState(gates.bytes(), row, proj.bytes(), bias.bytes(), rec.bytes(), recRow, bhn.bytes(),
                        hn.bytes(), hnOff + s, hs.bytes(), prev + s, next + s, hidden);
            }
            return;
        }
        if (hs instanceof KernelBuffer.F32 h32) {
            forwardFloat(((KernelBuffer.F32) proj).b, ((KernelBuffer.F32) bias).b, ((KernelBuffer.F32) rec).b,
                    ((KernelBuffer.F32) bhn).b, ((KernelBuffer.F32) gates).b, ((KernelBuffer.F32) hn).b, h32.b,
                    prev, next, z, hnOff);
            return;
        }
        for (int r = 0; r < mb; r++) {
            int row = z + r * width;
            int recRow = r * width;
            for (int k = 0; k < hidden; k++) {
                int s = r * hidden + k;
                double rg = sigmoid(proj.get(row + k) + bias.get(k) + rec.get(recRow + k));
                double zg = sigmoid(proj.get(row + hidden + k) + bias.get(hidden + k) + rec.get(recRow + hidden + k));
                double hnv = rec.get(recRow + 2 * hidden + k) + bhn.get(k);
                double n = tanh(proj.get(row + 2 * hidden + k) + bias.get(2 * hidden + k) + rg * hnv);
                gates.put(row + k, rg);
                gates.put(row + hidden + k, zg);
                gates.put(row + 2 * hidden + k, n);
                hn.put(hnOff + s, hnv);
                hs.put(next + s, n + zg * (hs.get(prev + s) - n));
            }
        }
    }

    @Override
    KernelBuffer beginBackward(KernelBuffer dProj, BufferPool pool) {
        dRec = pool.any("dRec", dProj.capacity());
        return dRec;
    }

    @Override
    void backward(int t, KernelBuffer dh, KernelBuffer dc, KernelBuffer rw, KernelBuffer dProj, KernelBuffer dhPrev,
                  KernelBuffer dcPrev) {
        int prev = stateOffset(t);
        int z = gateOffset(t);
        int hnOff = t * mb * hidden;
        if (simd) {
            for (int r = 0; r < mb; r++) {
                int s = r * hidden;
                VectorGates.gruGradients(gates.bytes(), z + r * width, hn.bytes(), hnOff + s, hs.bytes(), prev + s,
                        dh.bytes(), s, dProj.bytes(), dRec.bytes(), dhPrev.bytes(), hidden);
            }
        } else if (hs instanceof KernelBuffer.F32 h32) {
            gateGradientsFloat(((KernelBuffer.F32) gates).b, ((KernelBuffer.F32) hn).b, h32.b, ((KernelBuffer.F32) dh).b,
                    ((KernelBuffer.F32) dProj).b, ((KernelBuffer.F32) dRec).b, ((KernelBuffer.F32) dhPrev).b, prev, z,
                    hnOff);
        } else {
            for (int r = 0; r < mb; r++) {
                int row = z + r * width;
                for (int k = 0; k < hidden; k++) {
                    int s = r * hidden + k;
                    double rg = gates.get(row + k);
                    double zg = gates.get(row + hidden + k);
                    double n = gates.get(row + 2 * hidden + k);
                    double dhs = dh.get(s);
                    double dn = dhs * (1 - zg) * (1 - n * n);                      // dL/d(n pre-activation)
                    double dz = dhs * (prev(s, prev) - n) * zg * (1 - zg);          // dL/d(z pre-activation)
                    double dr = dn * hn.get(hnOff + s) * rg * (1 - rg);           // dL/d(r pre-activation)
                    double dhn = dn * rg;                                          // dL/d(h RW_n + bhn)
                    dProj.put(row + k, dr);
                    dProj.put(row + hidden + k, dz);
                    dProj.put(row + 2 * hidden + k, dn);
                    dRec.put(row + k, dr);
                    dRec.put(row + hidden + k, dz);
                    dRec.put(row + 2 * hidden + k, dhn);
                    dhPrev.put(s, dhs * zg);
                }
            }
        }
        Blas.gemm(false, true, mb, hidden, width, 1.0, dRec, z, rw, 0, 1.0, dhPrev, 0);
    }

    /** {@link #forward}'s gate pass in float32 over heap arrays ({@link ArrayGates}). */
    private void forwardFloat(FloatBuffer proj, FloatBuffer bias, FloatBuffer rec, FloatBuffer bhn, FloatBuffer gates,
                              FloatBuffer hn, FloatBuffer hs, int prev, int next, int z, int hnOff) {
        arrays.gruForward(proj, bias, rec, bhn, gates, hn, hs, prev, next, z, hnOff, mb);
    }

    /** {@link #backward}'s gate gradients in float32 over heap arrays ({@link ArrayGates}). */
    private void gateGradientsFloat(FloatBuffer gates, FloatBuffer hn, FloatBuffer hs, FloatBuffer dh, FloatBuffer dProj,
                                    FloatBuffer dRec, FloatBuffer dhPrev, int prev, int z, int hnOff) {
        arrays.gruBackward(gates, hn, hs, dh, dProj, dRec, dhPrev, prev, z, hnOff, mb);
    }

    private double prev(int s, int prevOffset) {
        return hs.get(prevOffset + s);
    }
}
