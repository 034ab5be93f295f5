package io.github.rnnkit.core.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** LSTM steps (gates i, f, g, o); caches the activated gates and tanh(c_t). */
final class LstmKernel extends CellKernel {
    private final INDArray gates;
    private final INDArray tanhC;

    LstmKernel(long steps, long mb, long hidden, INDArray hs, DataType type) {
        super(mb, hidden, hs);
        this.gates = Nd4j.create(type, steps * mb, 4 * hidden);
        this.tanhC = Nd4j.create(type, steps * mb, hidden);
    }

    @Override
    boolean hasCellState() {
        return true;
    }

    @Override
    void forward(long t, INDArray proj, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray bhn, INDArray hOut,
                 INDArray cOut) {
        INDArray z = gates.get(rows(t));
        z.assign(proj);
        Nd4j.gemm(hPrev, rw, z, false, false, 1.0, 1.0);
        INDArray i = Transforms.sigmoid(block(z, 0), false);
        INDArray f = Transforms.sigmoid(block(z, 1), false);
        INDArray g = Transforms.tanh(block(z, 2), false);
        INDArray o = Transforms.sigmoid(block(z, 3), false);
        cOut.assign(f.mul(cPrev).addi(i.mul(g)));
        INDArray tc = tanhC.get(rows(t));
        tc.assign(Transforms.tanh(cOut, true));
        hOut.assign(o.mul(tc));
    }

    @Override
    INDArray[] backward(long t, INDArray dh, INDArray dc, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray dProj,
                        INDArray dRw, INDArray dBhn) {
        INDArray z = gates.get(rows(t));
        INDArray i = block(z, 0);
        INDArray f = block(z, 1);
        INDArray g = block(z, 2);
        INDArray o = block(z, 3);
        INDArray tc = tanhC.get(rows(t));
        // dL/dc_t = carried dc + dh * o * (1 - tanh(c)^2)
        INDArray dcTotal = dh.mul(o).muli(tc.mul(tc).rsubi(1.0)).addi(dc);
        block(dProj, 0).assign(dcTotal.mul(g).muli(i).muli(i.rsub(1.0)));
        block(dProj, 1).assign(dcTotal.mul(cPrev).muli(f).muli(f.rsub(1.0)));
        block(dProj, 2).assign(dcTotal.mul(i).muli(g.mul(g).rsubi(1.0)));
        block(dProj, 3).assign(dh.mul(tc).muli(o).muli(o.rsub(1.0)));
        Nd4j.gemm(hPrev, dProj, dRw, true, false, 1.0, 1.0);
        return new INDArray[]{Nd4j.gemm(dProj, rw, false, true), dcTotal.muli(f)};
    }
}
