package io.github.rnnkit.core.layers;

import java.nio.FloatBuffer;

/** {@code h_t = act(x_t W + b + h_{t-1} RW)}; the derivative is taken from h_t itself. */
final class SimpleRnnKernel extends CellKernel {
    private final boolean relu;

    SimpleRnnKernel(int steps, int mb, int hidden, boolean relu, BufferPool pool) {
        super(steps, mb, hidden, 1, pool);
        this.relu = relu;
    }

    @Override
    void forward(int t, KernelBuffer proj, KernelBuffer bias, KernelBuffer rw, KernelBuffer bhn) {
        int out = stateOffset(t + 1);
        int in = gateOffset(t);
        Blas.gemm(false, false, mb, hidden, hidden, 1.0, hs, stateOffset(t), rw, 0, 0.0, hs, out);
        if (simd) {
            for (int r = 0; r < mb; r++) {
                int row = r * hidden;
                if (relu) {
                    VectorGates.relu(hs.bytes(), out + row, hs.bytes(), out + row, proj.bytes(), in + row, bias.bytes(), 0,
                            hidden);
                } else {
                    VectorGates.tanh(hs.bytes(), out + row, hs.bytes(), out + row, proj.bytes(), in + row, bias.bytes(), 0,
                            hidden);
                }
            }
            return;
        }
        if (hs instanceof KernelBuffer.F32 h32) {
            forwardFloat(h32.b, ((KernelBuffer.F32) proj).b, ((KernelBuffer.F32) bias).b, out, in);
            return;
        }
        for (int r = 0; r < mb; r++) {
            int row = r * hidden;
            for (int k = 0; k < hidden; k++) {
                int i = row + k;
                double a = hs.get(out + i) + proj.get(in + i) + bias.get(k);
                hs.put(out + i, relu ? Math.max(0.0, a) : tanh(a));
            }
        }
    }

    /** The float32 activation pass over heap arrays ({@link ArrayGates}). */
    private void forwardFloat(FloatBuffer h, FloatBuffer proj, FloatBuffer bias, int out, int in) {
        arrays.simpleRnn(h, out, proj, in, bias, mb, relu);
    }

    @Override
    void backward(int t, KernelBuffer dh, KernelBuffer dc, KernelBuffer rw, KernelBuffer dProj, KernelBuffer dhPrev,
                  KernelBuffer dcPrev) {
        int h = stateOffset(t + 1);
        int d = gateOffset(t);
        int n = mb * hidden;
        if (simd && relu) {
            VectorGates.reluGradient(dProj.bytes(), d, dh.bytes(), 0, hs.bytes(), h, n);
        } else if (simd) {
            VectorGates.tanhGradient(dProj.bytes(), d, dh.bytes(), 0, hs.bytes(), h, n);
        } else if (hs instanceof KernelBuffer.F32 h32) {
            derivativeFloat(h32.b, ((KernelBuffer.F32) dh).b, ((KernelBuffer.F32) dProj).b, h, d, n);
        } else {
            for (int i = 0; i < n; i++) {
                // At a masked row dh is 0, so the post-mask h cached there does no harm.
                double v = hs.get(h + i);
                double derivative = relu ? (v > 0 ? 1.0 : 0.0) : 1.0 - v * v;
                dProj.put(d + i, dh.get(i) * derivative);
            }
        }
        Blas.gemm(false, true, mb, hidden, hidden, 1.0, dProj, d, rw, 0, 0.0, dhPrev, 0);
    }

    /** dL/d(pre-activation) in float32 over heap arrays ({@link ArrayGates}). */
    private void derivativeFloat(FloatBuffer hsF, FloatBuffer dh, FloatBuffer dProj, int h, int d, int n) {
        arrays.simpleRnnGradient(hsF, h, dh, dProj, d, n, relu);
    }
}
