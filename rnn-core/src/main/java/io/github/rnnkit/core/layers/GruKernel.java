package io.github.rnnkit.core.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * GRU steps in PyTorch's formulation; caches the activated r, z, n and
 * {@code hn = h_{t-1} RW_n + bhn}, the recurrent part the reset gate scales.
 */
final class GruKernel extends CellKernel {
    private final INDArray gates;
    private final INDArray hn;

    GruKernel(long steps, long mb, long hidden, INDArray hs, DataType type) {
        super(mb, hidden, hs);
        this.gates = Nd4j.create(type, steps * mb, 3 * hidden);
        this.hn = Nd4j.create(type, steps * mb, hidden);
    }

    @Override
    void forward(long t, INDArray proj, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray bhn, INDArray hOut,
                 INDArray cOut) {
        INDArray rec = hPrev.mmul(rw);
        INDArray gt = gates.get(rows(t));
        INDArray r = Transforms.sigmoid(block(gt, 0).assign(block(proj, 0).add(block(rec, 0))), false);
        INDArray z = Transforms.sigmoid(block(gt, 1).assign(block(proj, 1).add(block(rec, 1))), false);
        INDArray hnt = hn.get(rows(t)).assign(block(rec, 2).addRowVector(bhn));
        INDArray n = Transforms.tanh(block(gt, 2).assign(block(proj, 2).add(r.mul(hnt))), false);
        // h' = (1 - z) n + z h = n + z (h - n)
        hOut.assign(hPrev.sub(n).muli(z).addi(n));
    }

    @Override
    INDArray[] backward(long t, INDArray dh, INDArray dc, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray dProj,
                        INDArray dRw, INDArray dBhn) {
        INDArray gt = gates.get(rows(t));
        INDArray r = block(gt, 0);
        INDArray z = block(gt, 1);
        INDArray n = block(gt, 2);
        INDArray hnt = hn.get(rows(t));
        INDArray dn = dh.mul(z.rsub(1.0)).muli(n.mul(n).rsubi(1.0));      // dL/d(n pre-activation)
        INDArray dz = dh.mul(hPrev.sub(n)).muli(z).muli(z.rsub(1.0));      // dL/d(z pre-activation)
        INDArray dr = dn.mul(hnt).muli(r).muli(r.rsub(1.0));               // dL/d(r pre-activation)
        INDArray dhn = dn.mul(r);                                          // dL/d(h RW_n + bhn)
        block(dProj, 0).assign(dr);
        block(dProj, 1).assign(dz);
        block(dProj, 2).assign(dn);
        INDArray dRec = Nd4j.hstack(dr, dz, dhn);
        Nd4j.gemm(hPrev, dRec, dRw, true, false, 1.0, 1.0);
        dBhn.addi(dhn.sum(true, 0));
        INDArray dhPrev = Nd4j.gemm(dRec, rw, false, true).addi(dh.mul(z));
        return new INDArray[]{dhPrev, null};
    }
}
