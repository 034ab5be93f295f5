package io.github.rnnkit.core.layers;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@code h_t = act(x_t W + b + h_{t-1} RW)}; the derivative is taken from h_t itself. */
final class SimpleRnnKernel extends CellKernel {
    private final boolean relu;

    SimpleRnnKernel(long mb, long hidden, INDArray hs, IActivation activation) {
        super(mb, hidden, hs);
        if (!(activation instanceof ActivationTanH) && !(activation instanceof ActivationReLU)) {
            throw new IllegalStateException("SimpleRnnLayer supports tanh and relu, got " + activation);
        }
        this.relu = activation instanceof ActivationReLU;
    }

    @Override
    void forward(long t, INDArray proj, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray bhn, INDArray hOut,
                 INDArray cOut) {
        hOut.assign(proj);
        Nd4j.gemm(hPrev, rw, hOut, false, false, 1.0, 1.0);
        if (relu) {
            Transforms.relu(hOut, false);
        } else {
            Transforms.tanh(hOut, false);
        }
    }

    @Override
    INDArray[] backward(long t, INDArray dh, INDArray dc, INDArray hPrev, INDArray cPrev, INDArray rw, INDArray dProj,
                        INDArray dRw, INDArray dBhn) {
        // At a masked row dh is 0, so the post-mask h cached there does no harm.
        INDArray h = hs.get(rows(t));
        INDArray derivative = relu ? h.gt(0).castTo(h.dataType()) : h.mul(h).rsubi(1.0);
        dProj.assign(dh.mul(derivative));
        Nd4j.gemm(hPrev, dProj, dRw, true, false, 1.0, 1.0);
        return new INDArray[]{Nd4j.gemm(dProj, rw, false, true), null};
    }
}
