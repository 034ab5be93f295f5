package io.github.rnnkit.core.layers;

import java.nio.FloatBuffer;

/** LSTM steps (gates i, f, g, o); caches the activated gates and tanh(c_t). */
final class LstmKernel extends CellKernel {
    private final KernelBuffer gates;
    private final KernelBuffer cs;
    private final KernelBuffer tanhC;

    LstmKernel(int steps, int mb, int hidden, BufferPool pool) {
        super(steps, mb, hidden, 4, pool);
        this.gates = pool.any("gates", (long) steps * mb * width);
        this.cs = pool.zeros("cs", (long) (steps + 1) * mb * hidden);
        this.tanhC = pool.any("tanhC", (long) steps * mb * hidden);
    }

    @Override
    KernelBuffer cs() {
        return cs;
    }

    @Override
    void forward(int t, KernelBuffer proj, KernelBuffer bias, KernelBuffer rw, KernelBuffer bhn) {
        int z = gateOffset(t);
        Blas.gemm(false, false, mb, width, hidden, 1.0, hs, stateOffset(t), rw, 0, 0.0, gates, z);
        int prev = stateOffset(t);
        int next = stateOffset(t + 1);
        int tc = t * mb * hidden;
        if (simd) {
            for (int r = 0; r < mb; r++) {
                int row = z + r * width;
                int s = r * hidden;
                // i and f side by side: one pass over 2H
                VectorGates.sigmoid(gates.bytes(), row, gates.bytes(), row, proj.bytes(), row, bias.bytes(), 0,
                        2 * hidden);
                VectorGates.tanh(gates.bytes(), row + 2 * hidden, gates.bytes(), row + 2 * hidden, proj.bytes(),
                        row + 2 * hidden, bias.bytes(), 2 * hidden, hidden);
                VectorGates.sigmoid(gates.bytes(), row + 3 * hidden, gates.bytes(), row + 3 * hidden, proj.bytes(),
                        row + 3 * hidden, bias.bytes(), 3 * hidden, hidden);
                VectorGates.lstmState(gates.bytes(), row, cs.bytes(), prev + s, next + s, tanhC.bytes(), tc + s,
                        hs.bytes(), hidden);
            }
            return;
        }
        if (hs instanceof KernelBuffer.F32 h32) {
            forwardFloat(((KernelBuffer.F32) gates).b, ((KernelBuffer.F32) proj).b, ((KernelBuffer.F32) bias).b,
                    ((KernelBuffer.F32) cs).b, ((KernelBuffer.F32) tanhC).b, h32.b, z, prev, next, tc);
            return;
        }
        for (int r = 0; r < mb; r++) {
            int row = z + r * width;
            for (int k = 0; k < hidden; k++) {
                double i = sigmoid(gates.get(row + k) + proj.get(row + k) + bias.get(k));
                double f = sigmoid(gates.get(row + hidden + k) + proj.get(row + hidden + k) + bias.get(hidden + k));
                double g = tanh(gates.get(row + 2 * hidden + k) + proj.get(row + 2 * hidden + k) + bias.get(2 * hidden + k));
                double o = sigmoid(gates.get(row + 3 * hidden + k) + proj.get(row + 3 * hidden + k) + bias.get(3 * hidden + k));
                gates.put(row + k, i);
                gates.put(row + hidden + k, f);
                gates.put(row + 2 * hidden + k, g);
                gates.put(row + 3 * hidden + k, o);
                int s = r * hidden + k;
                double c = f * cs.get(prev + s) + i * g;
                double tanh = tanh(c);
                cs.put(next + s, c);
                tanhC.put(tc + s, tanh);
                hs.put(next + s, o * tanh);
            }
        }
    }

    /** {@link #forward}'s gate pass in float32 over heap arrays ({@link ArrayGates}). */
    private void forwardFloat(FloatBuffer gates, FloatBuffer proj, FloatBuffer bias, FloatBuffer cs, FloatBuffer tanhC,
                              FloatBuffer hs, int z, int prev, int next, int tc) {
        arrays.lstmForward(gates, proj, bias, cs, tanhC, hs, z, prev, next, tc, mb);
    }

    @Override
    void backward(int t, KernelBuffer dh, KernelBuffer dc, KernelBuffer rw, KernelBuffer dProj, KernelBuffer dhPrev,
                  KernelBuffer dcPrev) {
        int z = gateOffset(t);
        int prev = stateOffset(t);
        int tc = t * mb * hidden;
        if (simd) {
            for (int r = 0; r < mb; r++) {
                int s = r * hidden;
                VectorGates.lstmGradients(gates.bytes(), z + r * width, tanhC.bytes(), tc + s, cs.bytes(), prev + s,
                        dh.bytes(), dc.bytes(), s, dProj.bytes(), dcPrev.bytes(), hidden);
            }
        } else if (hs instanceof KernelBuffer.F32) {
            gateGradientsFloat(((KernelBuffer.F32) gates).b, ((KernelBuffer.F32) tanhC).b, ((KernelBuffer.F32) cs).b,
                    ((KernelBuffer.F32) dh).b, ((KernelBuffer.F32) dc).b, ((KernelBuffer.F32) dProj).b,
                    ((KernelBuffer.F32) dcPrev).b, z, prev, tc);
        } else {
            for (int r = 0; r < mb; r++) {
                int row = z + r * width;
                for (int k = 0; k < hidden; k++) {
                    int s = r * hidden + k;
                    double i = gates.get(row + k);
                    double f = gates.get(row + hidden + k);
                    double g = gates.get(row + 2 * hidden + k);
                    double o = gates.get(row + 3 * hidden + k);
                    double tanh = tanhC.get(tc + s);
                    double dhs = dh.get(s);
                    double dcTotal = dc.get(s) + dhs * o * (1 - tanh * tanh);
                    dProj.put(row + k, dcTotal * g * i * (1 - i));
                    dProj.put(row + hidden + k, dcTotal * cs.get(prev + s) * f * (1 - f));
                    dProj.put(row + 2 * hidden + k, dcTotal * i * (1 - g * g));
                    dProj.put(row + 3 * hidden + k, dhs * tanh * o * (1 - o));
                    dcPrev.put(s, dcTotal * f);
                }
            }
        }
        Blas.gemm(false, true, mb, hidden, width, 1.0, dProj, z, rw, 0, 0.0, dhPrev, 0);
    }

    /** {@link #backward}'s gate gradients in float32 over heap arrays ({@link ArrayGates}). */
    private void gateGradientsFloat(FloatBuffer gates, FloatBuffer tanhC, FloatBuffer cs, FloatBuffer dh, FloatBuffer dc,
                                    FloatBuffer dProj, FloatBuffer dcPrev, int z, int prev, int tc) {
        arrays.lstmBackward(gates, tanhC, cs, dh, dc, dProj, dcPrev, z, prev, tc, mb);
    }
}
