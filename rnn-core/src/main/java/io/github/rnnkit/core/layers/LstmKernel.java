package io.github.rnnkit.core.layers;

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

    @Override
    void backward(int t, KernelBuffer dh, KernelBuffer dc, KernelBuffer rw, KernelBuffer dProj, KernelBuffer dRw,
                  KernelBuffer dBhn, KernelBuffer dhPrev, KernelBuffer dcPrev) {
        int z = gateOffset(t);
        int prev = stateOffset(t);
        int tc = t * mb * hidden;
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
        Blas.gemm(true, false, hidden, width, mb, 1.0, hs, prev, dProj, z, 1.0, dRw, 0);
        Blas.gemm(false, true, mb, hidden, width, 1.0, dProj, z, rw, 0, 0.0, dhPrev, 0);
    }
}
