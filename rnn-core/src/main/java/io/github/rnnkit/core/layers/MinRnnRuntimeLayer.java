package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

import static io.github.rnnkit.core.layers.RecurrentParamInitializer.BIAS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.INPUT_WEIGHTS;

/**
 * The runtime layer of {@link MinRnnLayer}: the scan over all steps, split among {@link #workers()}
 * threads, forward and back; streaming and TBPTT segments as {@link SegmentedRecurrentLayer}
 * describes (a streaming step is the same pass over one step, from the stored state, so stepping
 * through a sequence gives the states of one pass over all of it).
 * A float32 network runs in float32 SIMD lanes ({@link MinRnnVectors}) when the JVM has the Vector
 * API and either the input is wide (more than {@value MinRnnVectors#FEW_INPUTS} features: the
 * projections of all steps are then one matrix product, P = X W + b, and the gradients
 * ∂L/∂W = Xᵀ ∂L/∂P, ∂L/∂X = ∂L/∂P Wᵀ two more, all in ND4J's BLAS) or the minibatch has an example
 * per worker; otherwise the pass is {@link MinRnnMath}'s, in float64.
 */
public final class MinRnnRuntimeLayer extends SegmentedRecurrentLayer<MinRnnLayer, MinRnnRuntimeLayer.Pass> {
    /** State key of the hidden state h {@code [mb, H]}, as {@link RecurrentRuntimeLayer#STATE_H}. */
    public static final String STATE_H = RecurrentRuntimeLayer.STATE_H;
    /** System property that sets {@link #workers()} (default: the available processors). */
    public static final String WORKERS_PROPERTY = "rnnkit.scan.workers";

    /** The last training forward pass, reused by the backward pass DL4J runs right after it. */
    private transient Pass lastTrainingPass;

    /**
     * A forward pass and what it was computed from: in float64 ({@link MinRnnMath}: {@code params},
     * {@code x}, {@code h0}, {@code mask}, {@code forward}) or in float32 SIMD lanes
     * ({@link MinRnnVectors}: {@code f}).
     */
    record Pass(MinRnnMath.Params params, double[] x, double[] h0, double[] mask, MinRnnMath.Forward forward,
                        FloatPass f, int steps, int mb, INDArray input, INDArray maskArray, double[] paramsAt) {
        /** @return h of the last step {@code [mb][H]}, {@code width = mb * H} values, as doubles */
        double[] lastH(int width) {
            int from = (steps - 1) * width;
            if (forward != null) {
                return Arrays.copyOfRange(forward.h(), from, from + width);
            }
            double[] out = new double[width];
            for (int i = 0; i < width; i++) {
                out[i] = f.h()[from + i];
            }
            return out;
        }
    }

    /**
     * The float32 pass: inputs, DL4J's W and b as they are, the initial state, the mask and h; for a
     * wide input instead of x, W and b the projections P {@code [T*mb][G*H]} (which the backward pass
     * overwrites with ∂L/∂P) and W as an array, detached from any workspace.
     */
    private record FloatPass(float[] x, float[] w, float[] b, float[] h0, float[] mask, float[] h, float[] pre,
                             INDArray wArray) {
    }

    /**
     * Creates the runtime layer of a configuration.
     *
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public MinRnnRuntimeLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * @return threads a pass is split among: the system property {@value #WORKERS_PROPERTY}, else the
     *         available processors (set the property to 1 where a caller runs one training per core)
     */
    public static int workers() {
        String p = System.getProperty(WORKERS_PROPERTY);
        if (p != null) {
            try {
                int w = Integer.parseInt(p.trim());
                if (w >= 1) {
                    return w;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
            throw new IllegalStateException("system property " + WORKERS_PROPERTY + " must be a whole number of at least 1, got '"
                    + p + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    Pass forward(Map<String, INDArray> init, boolean training, LayerWorkspaceMgr mgr) {
        beginForward(training, mgr);
        int mb = (int) input.size(0);
        int steps = (int) input.size(2);
        int hidden = (int) layerConf().getNOut();
        INDArray s = init.get(STATE_H);
        checkStoredState(s, mb, hidden);
        int workers = workers();
        double[] paramsAt = training ? doubles(params()) : null;
        Pass p;
        MinRnnLayer c = layerConf();
        int nIn = (int) c.getNIn();
        boolean gru = c.getCell() == CellType.MIN_GRU;
        if (vectorPath(mb, nIn, workers)) {
            float[] h0 = s == null ? new float[mb * hidden] : floats(s);
            float[] mask = maskArray == null ? null : floats(maskArray);
            INDArray wArray = getParamWithNoise(INPUT_WEIGHTS, training, mgr);
            INDArray bArray = getParamWithNoise(BIAS, training, mgr);
            FloatPass f;
            if (nIn > MinRnnVectors.FEW_INPUTS) {
                float[] pre;
                INDArray w;
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    w = wArray.castTo(DataType.FLOAT).dup('c');
                    INDArray proj = Nd4j.createUninitialized(DataType.FLOAT, (long) steps * mb, w.size(1));
                    Nd4j.gemm(timeMajorRows(steps, mb, nIn), w, proj, false, false, 1.0, 0.0);
                    proj.addiRowVector(bArray.castTo(DataType.FLOAT).reshape(1, w.size(1)));
                    pre = floats(proj);
                }
                float[] h = MinRnnVectors.forwardProjected(gru, pre, h0, mask, steps, mb, hidden, workers);
                f = new FloatPass(null, null, null, h0, mask, h, pre, w);
            } else {
                float[] x = floats(input.permute(2, 0, 1));
                float[] w = floats(wArray);
                float[] b = floats(bArray);
                float[] h = MinRnnVectors.forward(gru, x, w, b, h0, mask, steps, mb, nIn, hidden, workers);
                f = new FloatPass(x, w, b, h0, mask, h, null, null);
            }
            p = new Pass(null, null, null, null, null, f, steps, mb, input, maskArray, paramsAt);
        } else {
            MinRnnMath.Params params = params(training, mgr);
            double[] x = doubles(input.permute(2, 0, 1));
            double[] h0 = s == null ? new double[mb * hidden] : doubles(s);
            double[] mask = maskArray == null ? null : doubles(maskArray);
            MinRnnMath.Forward f = MinRnnMath.forward(params, x, h0, mask, steps, mb, workers);
            p = new Pass(params, x, h0, mask, f, null, steps, mb, input, maskArray, paramsAt);
        }
        lastTrainingPass = training ? p : null;
        return p;
    }

    /**
     * @return true when the pass runs in float32 SIMD lanes: a float32 network with the Vector API,
     *         and a wide input or enough examples to split among the workers (else {@link MinRnnMath}'s
     *         float64 pass, which splits the steps of narrow layers)
     */
    private boolean vectorPath(int mb, int nIn, int workers) {
        return dataType == DataType.FLOAT && Simd.lanes() > 0 && (mb >= workers || nIn > MinRnnVectors.FEW_INPUTS);
    }

    /** @return the input as time-major rows {@code [T*mb, nIn]} in float32, a view when it is laid out so already */
    private INDArray timeMajorRows(int steps, int mb, int nIn) {
        return rowMajor(input.permute(2, 0, 1), DataType.FLOAT).reshape('c', (long) steps * mb, nIn);
    }

    /** @return the layer's parameters (with weight noise when training), split into projections */
    private MinRnnMath.Params params(boolean training, LayerWorkspaceMgr mgr) {
        MinRnnLayer c = layerConf();
        int nIn = (int) c.getNIn();
        int h = (int) c.getNOut();
        int n = c.kind().projections();
        double[] w = doubles(getParamWithNoise(INPUT_WEIGHTS, training, mgr));
        double[] b = doubles(getParamWithNoise(BIAS, training, mgr));
        double[][] ws = new double[n][nIn * h];
        double[][] bs = new double[n][h];
        for (int g = 0; g < n; g++) {
            for (int i = 0; i < nIn; i++) {
                System.arraycopy(w, i * n * h + g * h, ws[g], i * h, h);
            }
            System.arraycopy(b, g * h, bs[g], 0, h);
        }
        return new MinRnnMath.Params(c.kind(), ws, bs, nIn, h);
    }

    /** @return h of every step {@code [mb, H, T]}, zero at masked steps */
    @Override
    INDArray output(Pass p, LayerWorkspaceMgr mgr) {
        int hidden = (int) layerConf().getNOut();
        long[] shape = {p.steps(), p.mb(), hidden};
        INDArray out = p.f() != null ? array(p.f().h(), shape, mgr, ArrayType.ACTIVATIONS)
                : array(p.forward().h(), shape, mgr, ArrayType.ACTIVATIONS);
        out = out.permute(1, 2, 0);
        if (p.maskArray() != null) {
            out.muli(p.maskArray().castTo(dataType).reshape(p.mb(), 1, p.steps()).broadcast(out.shape()));
        }
        return out;
    }

    /** @return the state after the last step, detached from any workspace */
    @Override
    Map<String, INDArray> lastState(Pass p) {
        int width = p.mb() * (int) layerConf().getNOut();
        double[] last = p.lastH(width);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Map.of(STATE_H, Nd4j.create(last, new long[]{p.mb(), layerConf().getNOut()}, 'c').castTo(dataType));
        }
    }

    @Override
    Pair<Gradient, INDArray> backward(INDArray epsilon, Map<String, INDArray> init, int backLength, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        applyDropOutIfNecessary(true, mgr);
        Pass last = lastTrainingPass;
        lastTrainingPass = null;
        Pass p = last != null && last.input() == input && last.maskArray() == maskArray
                && Arrays.equals(doubles(params()), last.paramsAt())
                ? last : forward(init, true, mgr);
        lastTrainingPass = null;
        int first = backLength > 0 ? Math.max(0, p.steps() - backLength) : 0;
        MinRnnLayer c = layerConf();
        int nIn = (int) c.getNIn();
        int h = (int) c.getNOut();
        int n = c.kind().projections();
        INDArray dxArray;
        double[] dw;
        double[] db;
        if (p.f() != null && p.f().pre() != null) {
            FloatPass f = p.f();
            float[] dPre = f.pre();
            float[][] g = MinRnnVectors.backwardProjected(c.getCell() == CellType.MIN_GRU, dPre, f.h0(), f.mask(), f.h(),
                    floats(epsilon.permute(2, 0, 1)), first, p.steps(), p.mb(), h, workers());
            long rows = (long) (p.steps() - first) * p.mb();
            long from = (long) first * p.mb();
            int width = n * h;
            INDArray dxRows = mgr.create(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[]{(long) p.steps() * p.mb(), nIn}, 'c');
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray d = Nd4j.create(DataType.FLOAT, rows, width);
                d.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().put(dPre, (int) (from * width), (int) (rows * width));
                INDArray x = timeMajorRows(p.steps(), p.mb(), nIn);
                if (first > 0) {
                    x = x.get(NDArrayIndex.interval(from, from + rows), NDArrayIndex.all()).dup('c');
                }
                INDArray dW = Nd4j.gemm(x, d, true, false);
                dw = doubles(dW);
                db = toDoubles(g[0]);
                if (first > 0) {
                    dxRows.get(NDArrayIndex.interval(from, from + rows), NDArrayIndex.all()).assign(Nd4j.gemm(d, f.wArray(), false, true));
                } else {
                    Nd4j.gemm(d, f.wArray(), dxRows, false, true, 1.0, 0.0);
                }
            }
            dxArray = dxRows.reshape('c', p.steps(), p.mb(), nIn);
        } else if (p.f() != null) {
            FloatPass f = p.f();
            float[][] g = MinRnnVectors.backward(c.getCell() == CellType.MIN_GRU, f.x(), f.w(), f.b(), f.h0(), f.mask(), f.h(),
                    floats(epsilon.permute(2, 0, 1)), first, p.steps(), p.mb(), nIn, h, workers());
            dw = toDoubles(g[0]);
            db = toDoubles(g[1]);
            dxArray = array(g[2], new long[]{p.steps(), p.mb(), nIn}, mgr, ArrayType.ACTIVATION_GRAD);
        } else {
            double[] dh = doubles(epsilon.permute(2, 0, 1));
            MinRnnMath.Gradients g = MinRnnMath.backward(p.params(), p.x(), p.h0(), p.mask(), p.forward(), dh, first,
                    p.steps(), p.mb(), workers());
            dw = new double[nIn * n * h];
            db = new double[n * h];
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < nIn; i++) {
                    System.arraycopy(g.w()[k], i * h, dw, i * n * h + k * h, h);
                }
                System.arraycopy(g.b()[k], 0, db, k * h, h);
            }
            dxArray = array(g.x(), new long[]{p.steps(), p.mb(), nIn}, mgr, ArrayType.ACTIVATION_GRAD);
        }
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        put(gradient, INPUT_WEIGHTS, dw);
        put(gradient, BIAS, db);
        INDArray epsOut = dxArray.permute(1, 2, 0);
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    private void put(Gradient g, String key, double[] values) {
        INDArray view = gradientViews.get(key);
        view.assign(Nd4j.create(values, view.shape(), 'c').castTo(view.dataType()));
        g.gradientForVariable().put(key, view);
    }

    /** @return the elements of {@code a} in row-major order */
    private static double[] doubles(INDArray a) {
        INDArray c = rowMajor(a, DataType.DOUBLE);
        double[] out = new double[Math.toIntExact(c.length())];
        c.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer().get(Math.toIntExact(c.offset()), out);
        return out;
    }

    /**
     * @return {@code a} itself when it is laid out row-major in {@code type} (as the time-major
     *         arrays rnnkit's layers pass each other are, seen through their permuted views), else a
     *         row-major copy; copying element by element through ND4J's indexers cost more than the scan
     */
    private static INDArray rowMajor(INDArray a, DataType type) {
        boolean plain = a.dataType() == type && a.offset() + a.length() <= a.data().length()
                && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
        return plain ? a : a.castTo(type).dup('c');
    }

    /** @return the elements of {@code a} in row-major order, as floats */
    private static float[] floats(INDArray a) {
        INDArray c = rowMajor(a, DataType.FLOAT);
        float[] out = new float[Math.toIntExact(c.length())];
        c.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().get(Math.toIntExact(c.offset()), out);
        return out;
    }

    private static double[] toDoubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** @return a row-major float32 array holding {@code v}, where {@code mgr} keeps {@code type} */
    private static INDArray array(float[] v, long[] shape, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray out = mgr.createUninitialized(type, DataType.FLOAT, shape, 'c');
        out.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().put(v);
        return out;
    }

    /** @return a row-major array of the network's type holding {@code v}, where {@code mgr} keeps {@code type} */
    private INDArray array(double[] v, long[] shape, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray out = mgr.createUninitialized(type, dataType, shape, 'c');
        if (dataType == DataType.DOUBLE) {
            out.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer().put(v);
        } else if (dataType == DataType.FLOAT) {
            FloatBuffer f = out.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int i = 0; i < v.length; i++) {
                f.put(i, (float) v[i]);
            }
        } else {
            out.assign(Nd4j.create(v, shape, 'c').castTo(dataType));
        }
        return out;
    }
}
