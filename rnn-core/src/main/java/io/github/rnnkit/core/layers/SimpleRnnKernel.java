package io.github.rnnkit.core.layers;

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
        for (int r = 0; r < mb; r++) {
            int row = r * hidden;
            for (int k = 0; k < hidden; k++) {
                int i = row + k;
                double a = hs.get(out + i) + proj.get(in + i) + bias.get(k);
                hs.put(out + i, relu ? Math.max(0.0, a) : tanh(a));
            }
        }
    }

    @Override
    void backward(int t, KernelBuffer dh, KernelBuffer dc, KernelBuffer rw, KernelBuffer dProj, KernelBuffer dRw,
                  KernelBuffer dBhn, KernelBuffer dhPrev, KernelBuffer dcPrev) {
        int h = stateOffset(t + 1);
        int d = gateOffset(t);
        int n = mb * hidden;
        for (int i = 0; i < n; i++) {
            // At a masked row dh is 0, so the post-mask h cached there does no harm.
            double v = hs.get(h + i);
            double derivative = relu ? (v > 0 ? 1.0 : 0.0) : 1.0 - v * v;
            dProj.put(d + i, dh.get(i) * derivative);
        }
        Blas.gemm(true, false, hidden, hidden, mb, 1.0, hs, stateOffset(t), dProj, d, 1.0, dRw, 0);
        Blas.gemm(false, true, mb, hidden, hidden, 1.0, dProj, d, rw, 0, 0.0, dhPrev, 0);
    }
}
