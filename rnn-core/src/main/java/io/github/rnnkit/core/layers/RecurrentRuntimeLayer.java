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
import org.nd4j.linalg.activations.impl.ActivationReLU;

import java.util.HashMap;
import java.util.Map;

import static io.github.rnnkit.core.layers.RecurrentParamInitializer.BIAS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.GRU_RECURRENT_BIAS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.INPUT_WEIGHTS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * The runtime layer behind every {@link RecurrentLayerConf}: the loop over time shared by the
 * three classic cells, with the cell maths in a {@link CellKernel}; streaming and TBPTT segments as
 * {@link SegmentedRecurrentLayer} describes. The input projection {@code x W} of all steps is one matrix product, and so are the
 * input and input-weight gradients.
 */
public final class RecurrentRuntimeLayer extends SegmentedRecurrentLayer<RecurrentLayerConf, RecurrentRuntimeLayer.Forward> {
    /** State key of the hidden state h {@code [mb, H]}. */
    public static final String STATE_H = "h";
    /** State key of the LSTM memory cell c {@code [mb, H]}. */
    public static final String STATE_C = "c";
    /**
     * Up to this many inputs, the input weight and input gradients are one matrix-vector product
     * per input: OpenBLAS's matrix product is several times slower on such thin shapes.
     */
    private static final int FEW_INPUTS = 8;

    /** When true, backward passes record the mean norm of dL/dh_t per step (diagnostics). */
    private boolean recordStateGradients;
    /**
     * Mean ‖dL/dh_t‖ per step of the last backward pass, when recording is on; else null.
     */
    private double[] stateGradientNorms;
    /** Scratch of {@link #addInto}, allocated once instead of at every time step. */
    private final transient float[][] addScratch = new float[2][4096];
    private final transient BufferPool pool;
    /**
     * The last training forward pass, which the backward pass DL4J runs right after it reuses
     * instead of running the sequence again; null once used or after any other forward pass
     * (which overwrites the pooled buffers it lives in).
     */
    private transient TrainingPass lastTrainingPass;
    /** All ones, at least as long as the last column sum ({@link #columnSums}); from {@link #pool}. */
    private transient KernelBuffer ones;

    /** A training forward pass and what it was computed from, to tell whether a backward pass may reuse it. */
    private record TrainingPass(Forward forward, INDArray input, INDArray mask, Map<String, INDArray> init) {
    }

    /**
     * Creates the runtime layer of a configuration.
     *
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public RecurrentRuntimeLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.pool = new BufferPool(dataType);
    }

    private CellType cell() {
        return layerConf().cellType();
    }

    /**
     * Turns on or off recording, during backward passes, of the mean over the minibatch of
     * ‖dL/dh_t‖ at every step t: the gradient reaching the hidden state, from the output at t
     * and from all later steps.
     *
     * @param record true to record, false to stop
     */
    public void setRecordStateGradients(boolean record) {
        this.recordStateGradients = record;
        this.stateGradientNorms = null;
    }

    /** @return per step, the mean ‖dL/dh_t‖ of the last recorded backward pass, or null */
    public double[] stateGradientNorms() {
        return stateGradientNorms == null ? null : stateGradientNorms.clone();
    }

    @Override
    INDArray output(Forward pass, LayerWorkspaceMgr mgr) {
        return pass.output(mgr);
    }

    @Override
    Map<String, INDArray> lastState(Forward pass) {
        return pass.lastState();
    }

    /** A forward pass over the whole input, with what backward needs. */
    final class Forward {
        final int mb;
        final int steps;
        final int nIn;
        final int hidden;
        final KernelBuffer x;
        final KernelBuffer w;
        final KernelBuffer rw;
        /** Feature mask {@code [mb, T]} row-major, or null. */
        final double[] mask;
        final CellKernel kernel;

        Forward(int mb, int steps, int nIn, int hidden, KernelBuffer x, KernelBuffer w, KernelBuffer rw, double[] mask,
                CellKernel kernel) {
            this.mb = mb;
            this.steps = steps;
            this.nIn = nIn;
            this.hidden = hidden;
            this.x = x;
            this.w = w;
            this.rw = rw;
            this.mask = mask;
            this.kernel = kernel;
        }

        double mask(int row, int t) {
            return mask == null ? 1.0 : mask[row * steps + t];
        }

        /** @return h of every step {@code [mb, H, T]}, zero at masked steps */
        INDArray output(LayerWorkspaceMgr mgr) {
            // A fresh array each pass: DL4J may change activations in place (dropout of the next layer).
            INDArray out = kernel.hs.toArray(kernel.stateOffset(1), new long[]{steps, mb, hidden}, dataType, mgr,
                    ArrayType.ACTIVATIONS).permute(1, 2, 0);
            if (mask != null) {
                INDArray m = Nd4j.create(mask, new long[]{mb, 1, steps}, 'c').castTo(dataType);
                out.muli(m.broadcast(out.shape()));
            }
            return mgr.leverageTo(ArrayType.ACTIVATIONS, out);
        }

        /** @return the state after the last step, detached from any workspace */
        Map<String, INDArray> lastState() {
            Map<String, INDArray> state = new HashMap<>();
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                state.put(STATE_H, kernel.hs.toArray(kernel.stateOffset(steps), new long[]{mb, hidden}, dataType));
                if (kernel.cs() != null) {
                    state.put(STATE_C, kernel.cs().toArray(kernel.stateOffset(steps), new long[]{mb, hidden}, dataType));
                }
            }
            return state;
        }
    }

    /** @return a pooled buffer holding {@code a} in row-major order */
    private KernelBuffer toBuffer(String purpose, INDArray a) {
        KernelBuffer b = pool.any(purpose, a.length());
        b.copyFrom(a);
        return b;
    }

    @Override
    Forward forward(Map<String, INDArray> init, boolean training, LayerWorkspaceMgr mgr) {
        beginForward(training, mgr);
        int mb = (int) input.size(0);
        int nIn = (int) input.size(1);
        int steps = (int) input.size(2);
        int hidden = (int) layerConf().getNOut();
        int width = cell().gates() * hidden;
        KernelBuffer x = toBuffer("x", input.permute(2, 0, 1));
        KernelBuffer w = toBuffer("W", getParamWithNoise(INPUT_WEIGHTS, training, mgr));
        KernelBuffer rw = toBuffer("RW", getParamWithNoise(RECURRENT_WEIGHTS, training, mgr));
        KernelBuffer b = toBuffer("b", getParamWithNoise(BIAS, training, mgr));
        KernelBuffer bhn = cell() == CellType.GRU ? toBuffer("bhn", getParamWithNoise(GRU_RECURRENT_BIAS, training, mgr)) : null;
        KernelBuffer proj = pool.any("proj", (long) steps * mb * width);
        project(x, w, proj, steps * mb, nIn, width);
        CellKernel kernel = CellKernel.create(cell(), layerConf().getActivationFn() instanceof ActivationReLU, steps, mb,
                hidden, pool);
        initialState(init, STATE_H, mb, hidden, kernel.hs);
        if (kernel.cs() != null) {
            initialState(init, STATE_C, mb, hidden, kernel.cs());
        }
        double[] mask = maskArray == null ? null : maskArray.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        Forward f = new Forward(mb, steps, nIn, hidden, x, w, rw, mask, kernel);
        for (int t = 0; t < steps; t++) {
            kernel.forward(t, proj, b, rw, bhn);
            if (mask != null) {
                carryMasked(f, t, kernel.hs);
                if (kernel.cs() != null) {
                    carryMasked(f, t, kernel.cs());
                }
            }
        }
        lastTrainingPass = null;
        if (training) {
            toBuffer("paramsAtForward", params());
            lastTrainingPass = new TrainingPass(f, input, maskArray, init);
        }
        return f;
    }

    /**
     * @return the last training forward pass if it ran on this input, mask, start state and these
     *         parameter values, else a new forward pass
     */
    private Forward trainingForward(Map<String, INDArray> init, LayerWorkspaceMgr mgr) {
        TrainingPass last = lastTrainingPass;
        lastTrainingPass = null;
        if (last != null && last.input() == input && last.mask() == maskArray && last.init() == init
                && toBuffer("paramsNow", params()).sameAs(pool.any("paramsAtForward", 0), (int) numParams())) {
            return last.forward();
        }
        return forward(init, true, mgr);
    }


    /** {@code s_{t+1} = m s_{t+1} + (1 - m) s_t}: a masked step keeps the previous state. */
    private static void carryMasked(Forward f, int t, KernelBuffer states) {
        int prev = f.kernel.stateOffset(t);
        int next = f.kernel.stateOffset(t + 1);
        for (int r = 0; r < f.mb; r++) {
            double m = f.mask(r, t);
            if (m != 1.0) {
                for (int k = 0; k < f.hidden; k++) {
                    int s = r * f.hidden + k;
                    states.put(next + s, m * states.get(next + s) + (1 - m) * states.get(prev + s));
                }
            }
        }
    }

    private void initialState(Map<String, INDArray> init, String key, int mb, int hidden, KernelBuffer states) {
        INDArray s = init.get(key);
        if (s == null) {
            return;
        }
        checkStoredState(s, mb, hidden);
        states.copyFrom(s);
    }

    @Override
    Pair<Gradient, INDArray> backward(INDArray epsilon, Map<String, INDArray> init, int backLength, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        applyDropOutIfNecessary(true, mgr);
        Forward f = trainingForward(init, mgr);
        int mb = f.mb;
        int steps = f.steps;
        int hidden = f.hidden;
        int width = cell().gates() * hidden;
        int n = mb * hidden;
        KernelBuffer eps = toBuffer("eps", epsilon.permute(2, 0, 1));
        int end = backLength > 0 ? Math.max(0, steps - backLength) : 0;
        // Rows of steps before the truncation point get no gradient; the loop writes all others.
        KernelBuffer dProj = pool.any("dProj", (long) steps * mb * width);
        dProj.zero(end * mb * width);
        KernelBuffer dRec = f.kernel.beginBackward(dProj, pool);
        boolean cellState = f.kernel.cs() != null;
        KernelBuffer dh = pool.zeros("dh", n);
        KernelBuffer dhNext = pool.zeros("dhNext", n);
        KernelBuffer dhCell = f.mask == null ? dh : pool.zeros("dhCell", n);
        KernelBuffer dc = cellState ? pool.zeros("dc", n) : null;
        KernelBuffer dcNext = cellState ? pool.zeros("dcNext", n) : null;
        KernelBuffer dcCell = cellState && f.mask != null ? pool.zeros("dcCell", n) : dc;
        double[] norms = recordStateGradients ? new double[steps] : null;
        for (int t = steps - 1; t >= end; t--) {
            int e = t * n;
            if (f.mask == null) {
                addInto(dh, eps, e, n);
            } else {
                for (int r = 0; r < mb; r++) {
                    double m = f.mask(r, t);
                    for (int k = 0; k < hidden; k++) {
                        int s = r * hidden + k;
                        double total = dh.get(s) + eps.get(e + s) * m;
                        dh.put(s, total);
                        dhCell.put(s, total * m);
                        if (cellState) {
                            dcCell.put(s, dc.get(s) * m);
                        }
                    }
                }
            }
            if (norms != null) {
                norms[t] = meanRowNorm(dh, mb, hidden);
            }
            f.kernel.backward(t, dhCell, dcCell, f.rw, dProj, dhNext, dcNext);
            if (f.mask != null) {
                // A masked step passed the state through unchanged, and so passes its gradient back.
                for (int r = 0; r < mb; r++) {
                    double keep = 1.0 - f.mask(r, t);
                    for (int k = 0; k < hidden && keep != 0.0; k++) {
                        int s = r * hidden + k;
                        dhNext.put(s, dhNext.get(s) + keep * dh.get(s));
                        if (cellState) {
                            dcNext.put(s, dcNext.get(s) + keep * dc.get(s));
                        }
                    }
                }
            }
            KernelBuffer swap = dh;
            dh = dhNext;
            dhNext = swap;
            if (dhCell == dhNext) {
                dhCell = dh;
            }
            if (cellState) {
                swap = dc;
                dc = dcNext;
                dcNext = swap;
                if (f.mask == null) {
                    dcCell = dc;
                }
            }
        }
        if (norms != null) {
            stateGradientNorms = norms;
        }
        // Weight and bias gradients as products over all steps at once: dRW = sum_t h_{t-1}^T dRec_t,
        // where one product per step would run a k = mb matrix product T times.
        int first = end * mb;
        int rows = (steps - end) * mb;
        KernelBuffer dRw = pool.any("dRw", (long) hidden * width);
        Blas.gemm(true, false, hidden, width, rows, 1.0, f.kernel.hs, first * hidden, dRec, first * width, 0.0, dRw, 0);
        KernelBuffer dW = pool.any("dW", (long) f.nIn * width);
        KernelBuffer db = pool.any("db", width);
        KernelBuffer dx = pool.any("dx", (long) steps * mb * f.nIn);
        boolean thin = f.nIn <= FEW_INPUTS && f.nIn > 0 && dProj instanceof KernelBuffer.F32;
        if (thin && Simd.covers(width)) {
            VectorGates.thinBackward(dProj.bytes(), f.x.bytes(), f.w.bytes(), steps * mb, f.nIn, width, first, dW.bytes(),
                    dx.bytes(), db.bytes());
        } else if (thin) {
            ArrayGates.thinBackward(((KernelBuffer.F32) dProj).b, ((KernelBuffer.F32) f.x).b, ((KernelBuffer.F32) f.w).b,
                    steps * mb, f.nIn, width, first, ((KernelBuffer.F32) dW).b, ((KernelBuffer.F32) dx).b,
                    ((KernelBuffer.F32) db).b);
        } else {
            if (f.nIn <= FEW_INPUTS) {
                for (int j = 0; j < f.nIn; j++) {
                    Blas.gemv(true, steps * mb, width, 1.0, dProj, 0, f.x, j, f.nIn, 0.0, dW, j * width, 1);
                }
            } else {
                Blas.gemm(true, false, f.nIn, width, steps * mb, 1.0, f.x, 0, dProj, 0, 0.0, dW, 0);
            }
            columnSums(dProj, first, rows, width, db);
        }
        KernelBuffer dBhn = null;
        if (cell() == CellType.GRU) {
            // The n-part of dRec is dL/d(h RW_n + bhn), so bhn's gradient is its column sums.
            KernelBuffer recSums = pool.any("dRecSums", width);
            columnSums(dRec, first, rows, width, recSums);
            dBhn = pool.any("dBhn", hidden);
            for (int k = 0; k < hidden; k++) {
                dBhn.put(k, recSums.get(2 * hidden + k));
            }
        }
        if (!thin) {
            if (f.nIn <= FEW_INPUTS) {
                for (int j = 0; j < f.nIn; j++) {
                    Blas.gemv(false, steps * mb, width, 1.0, dProj, 0, f.w, j * width, 1, 0.0, dx, j, f.nIn);
                }
            } else {
                Blas.gemm(false, true, steps * mb, f.nIn, width, 1.0, dProj, 0, f.w, 0, 0.0, dx, 0);
            }
        }

        Map<String, INDArray> views = gradientViews;
        Gradient g = new DefaultGradient(gradientsFlattened);
        putGradient(g, views, INPUT_WEIGHTS, dW, new long[]{f.nIn, width});
        putGradient(g, views, RECURRENT_WEIGHTS, dRw, new long[]{hidden, width});
        putGradient(g, views, BIAS, db, new long[]{1, width});
        if (dBhn != null) {
            putGradient(g, views, GRU_RECURRENT_BIAS, dBhn, new long[]{1, hidden});
        }
        INDArray epsOut = dx.toArray(0, new long[]{steps, mb, f.nIn}, dataType, mgr, ArrayType.ACTIVATION_GRAD)
                .permute(1, 2, 0);
        weightNoiseParams.clear();
        return new Pair<>(g, backpropDropOutIfPresent(epsOut));
    }

    /**
     * {@code proj = x W} for {@code rows} rows: a matrix product, or for few inputs one pass over
     * the output (OpenBLAS took 0.3 ms single-threaded and 1.3 ms on two threads for a
     * 3200 x 1 x 256 product, four times the cost of writing the output once).
     */
    private static void project(KernelBuffer x, KernelBuffer w, KernelBuffer proj, int rows, int nIn, int width) {
        if (nIn > FEW_INPUTS || nIn == 0) {
            Blas.gemm(false, false, rows, width, nIn, 1.0, x, 0, w, 0, 0.0, proj, 0);
        } else if (x instanceof KernelBuffer.F32 && Simd.covers(width)) {
            VectorGates.project(x.bytes(), w.bytes(), proj.bytes(), rows, nIn, width);
        } else if (x instanceof KernelBuffer.F32 xf) {
            ArrayGates.project(xf.b, ((KernelBuffer.F32) w).b, ((KernelBuffer.F32) proj).b, rows, nIn, width);
        } else {
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < width; k++) {
                    double sum = 0;
                    for (int j = 0; j < nIn; j++) {
                        sum += x.get(r * nIn + j) * w.get(j * width + k);
                    }
                    proj.put(r * width + k, sum);
                }
            }
        }
    }

    /** {@code into[i] += from[offset + i]} for {@code i < n}; called once per time step of a backward pass. */
    private void addInto(KernelBuffer into, KernelBuffer from, int offset, int n) {
        if (into instanceof KernelBuffer.F32 a && from instanceof KernelBuffer.F32 b) {
            ArrayGates.addInto(a.b, b.b, offset, n, addScratch[0], addScratch[1]);
        } else {
            for (int i = 0; i < n; i++) {
                into.put(i, into.get(i) + from.get(offset + i));
            }
        }
    }

    /** {@code sums[k] = sum of a[r][k]} over {@code rows} rows of width {@code width} from row {@code first}. */
    private void columnSums(KernelBuffer a, int first, int rows, int width, KernelBuffer sums) {
        if (rows == 0) {
            sums.zero(width);
            return;
        }
        KernelBuffer b = pool.any("ones", rows);
        if (b != ones) {
            // The pool hands out a new buffer only when it grows; fill that one once.
            for (int i = 0; i < b.capacity(); i++) {
                b.put(i, 1.0);
            }
            ones = b;
        }
        Blas.gemv(true, rows, width, 1.0, a, first * width, ones, 0, 1, 0.0, sums, 0, 1);
    }

    private static double meanRowNorm(KernelBuffer rows, int mb, int width) {
        double sum = 0;
        for (int r = 0; r < mb; r++) {
            double sq = 0;
            for (int k = 0; k < width; k++) {
                double v = rows.get(r * width + k);
                sq += v * v;
            }
            sum += Math.sqrt(sq);
        }
        return sum / mb;
    }

    private void putGradient(Gradient g, Map<String, INDArray> views, String key, KernelBuffer values, long[] shape) {
        INDArray view = views.get(key);
        view.assign(values.toArray(0, shape, dataType));
        g.gradientForVariable().put(key, view);
    }
}
