package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.HashMap;
import java.util.Map;

import static io.github.rnnkit.core.layers.RecurrentParamInitializer.BIAS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.GRU_RECURRENT_BIAS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.INPUT_WEIGHTS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * The runtime layer behind every {@link RecurrentLayerConf}: the loop over time shared by the
 * three cells, with the cell maths in a {@link CellKernel}.
 *
 * <ul>
 *   <li>{@link #activate}: forward from a zero state.</li>
 *   <li>{@link #backpropGradient}: full BPTT from a zero state.</li>
 *   <li>{@link #rnnTimeStep}: forward from the stored streaming state, which it then replaces
 *       with the state after the last step ({@link #rnnClearPreviousState} resets it).</li>
 *   <li>{@link #rnnActivateUsingStoredState}: one TBPTT segment, starting from the state the
 *       previous segment ended in. A backward pass after it ({@link #backpropGradient}, or
 *       DL4J's {@link #tbpttBackpropGradient}) starts from that same state and runs through the
 *       segment's last {@code k2} steps ({@link #setTruncatedBackLength}), with the state
 *       entering them held fixed.</li>
 * </ul>
 * The input projection {@code x W + b} of all steps is one matrix product, and so are the
 * input and input-weight gradients.
 */
public final class RecurrentRuntimeLayer extends BaseRecurrentLayer<RecurrentLayerConf> {
    /** State key of the hidden state h {@code [mb, H]}. */
    public static final String STATE_H = "h";
    /** State key of the LSTM memory cell c {@code [mb, H]}. */
    public static final String STATE_C = "c";

    /** The state the last stored-state forward pass started from: the fixed state of a TBPTT segment. */
    private Map<String, INDArray> segmentStart = Map.of();
    /** True when the last forward pass was a TBPTT segment's (stored-state) pass. */
    private boolean segmentForward;
    /** Backward length k2 of truncated BPTT, or -1 for the whole segment. */
    private int truncatedBackLength = -1;

    public RecurrentRuntimeLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private CellType cell() {
        return layerConf().cellType();
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /**
     * Sets how many steps at the end of a TBPTT segment the backward pass runs through; -1 (the
     * default) for all. {@link io.github.rnnkit.core.net.RnnNetwork} sets it from its configuration.
     */
    public void setTruncatedBackLength(int steps) {
        this.truncatedBackLength = steps;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        segmentForward = false;
        return forward(Map.of(), training, mgr).output(mgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        Forward f = forward(stateMap, false, mgr);
        stateMap.clear();
        stateMap.putAll(f.lastState());
        return f.output(mgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        Map<String, INDArray> start = new HashMap<>(tBpttStateMap);
        Forward f = forward(start, training, mgr);
        segmentStart = start;
        segmentForward = true;
        if (storeLastForTBPTT) {
            tBpttStateMap.clear();
            tBpttStateMap.putAll(f.lastState());
        }
        return f.output(mgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        return segmentForward ? backward(epsilon, segmentStart, truncatedBackLength, mgr)
                : backward(epsilon, Map.of(), -1, mgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr mgr) {
        return backward(epsilon, segmentStart, tbpttBackLength, mgr);
    }

    @Override
    public void rnnClearPreviousState() {
        super.rnnClearPreviousState();
        segmentStart = Map.of();
        segmentForward = false;
    }

    /** A forward pass over the whole input, with what backward needs. */
    private final class Forward {
        final long mb;
        final long steps;
        final INDArray x;
        final INDArray hs;
        final INDArray cs;
        final INDArray h0;
        final INDArray c0;
        final INDArray mask;
        final CellKernel kernel;

        Forward(long mb, long steps, INDArray x, INDArray hs, INDArray cs, INDArray h0, INDArray c0, INDArray mask,
                CellKernel kernel) {
            this.mb = mb;
            this.steps = steps;
            this.x = x;
            this.hs = hs;
            this.cs = cs;
            this.h0 = h0;
            this.c0 = c0;
            this.mask = mask;
            this.kernel = kernel;
        }

        INDArrayIndex rows(long t) {
            return NDArrayIndex.interval(t * mb, (t + 1) * mb);
        }

        INDArray hPrev(long t) {
            return t == 0 ? h0 : hs.get(rows(t - 1));
        }

        INDArray cPrev(long t) {
            return cs == null ? null : t == 0 ? c0 : cs.get(rows(t - 1));
        }

        /** Mask column of step t {@code [mb, 1]}, or null. */
        INDArray maskAt(long t) {
            return mask == null ? null : mask.getColumn(t, true);
        }

        /** @return h of every step {@code [mb, H, T]}, zero at masked steps */
        INDArray output(LayerWorkspaceMgr mgr) {
            INDArray out = hs.reshape('c', steps, mb, hs.size(1)).permute(1, 2, 0);
            INDArray result = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, out.shape(), 'f');
            result.assign(out);
            if (mask != null) {
                result.muli(mask.reshape(mb, 1, steps).broadcast(result.shape()));
            }
            return result;
        }

        /** @return the state after the last step, detached from any workspace */
        Map<String, INDArray> lastState() {
            Map<String, INDArray> state = new HashMap<>();
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                state.put(STATE_H, hPrev(steps).dup());
                if (cs != null) {
                    state.put(STATE_C, cPrev(steps).dup());
                }
            }
            return state;
        }
    }

    private Forward forward(Map<String, INDArray> init, boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        INDArray in = input.castTo(dataType);
        if (in.rank() != 3) {
            throw new IllegalStateException(layerId() + " expects input [miniBatch, " + layerConf().getNIn()
                    + ", time], got shape " + java.util.Arrays.toString(in.shape()));
        }
        long mb = in.size(0);
        long nIn = in.size(1);
        long steps = in.size(2);
        long h = layerConf().getNOut();
        INDArray x = in.permute(2, 0, 1).dup('c').reshape('c', steps * mb, nIn);
        INDArray w = getParamWithNoise(INPUT_WEIGHTS, training, mgr);
        INDArray rw = getParamWithNoise(RECURRENT_WEIGHTS, training, mgr);
        INDArray bhn = cell() == CellType.GRU ? getParamWithNoise(GRU_RECURRENT_BIAS, training, mgr) : null;
        INDArray proj = x.mmul(w).addiRowVector(getParamWithNoise(BIAS, training, mgr));
        INDArray hs = Nd4j.create(dataType, steps * mb, h);
        CellKernel kernel = CellKernel.create(cell(), layerConf().getActivationFn(), steps, mb, h, hs, dataType);
        INDArray cs = kernel.hasCellState() ? Nd4j.create(dataType, steps * mb, h) : null;
        INDArray h0 = initialState(init, STATE_H, mb, h);
        INDArray c0 = kernel.hasCellState() ? initialState(init, STATE_C, mb, h) : null;
        INDArray mask = maskArray == null ? null : maskArray.castTo(dataType);
        Forward f = new Forward(mb, steps, x, hs, cs, h0, c0, mask, kernel);
        for (long t = 0; t < steps; t++) {
            INDArray hOut = hs.get(f.rows(t));
            INDArray cOut = cs == null ? null : cs.get(f.rows(t));
            INDArray hPrev = f.hPrev(t);
            INDArray cPrev = f.cPrev(t);
            kernel.forward(t, proj.get(f.rows(t)), hPrev, cPrev, rw, bhn, hOut, cOut);
            INDArray m = f.maskAt(t);
            if (m != null) {
                carryMasked(hOut, hPrev, m);
                if (cOut != null) {
                    carryMasked(cOut, cPrev, m);
                }
            }
        }
        return f;
    }

    /** {@code out = m * out + (1 - m) * prev}: a masked step keeps the previous state. */
    private static void carryMasked(INDArray out, INDArray prev, INDArray m) {
        out.muliColumnVector(m).addi(prev.mulColumnVector(m.rsub(1.0)));
    }

    private INDArray initialState(Map<String, INDArray> init, String key, long mb, long h) {
        INDArray s = init.get(key);
        if (s == null) {
            return Nd4j.zeros(dataType, mb, h);
        }
        if (s.size(0) != mb || s.size(1) != h) {
            throw new IllegalStateException(layerId() + ": stored state has shape " + java.util.Arrays.toString(s.shape())
                    + " but the input has minibatch " + mb + " and the layer " + h
                    + " units; reset the state (rnnClearPreviousState) before a new minibatch size");
        }
        return s.castTo(dataType);
    }

    private Pair<Gradient, INDArray> backward(INDArray epsilon, Map<String, INDArray> init, int backLength,
                                              LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Forward f = forward(init, true, mgr);
        long mb = f.mb;
        long steps = f.steps;
        long h = layerConf().getNOut();
        INDArray rw = getParamWithNoise(RECURRENT_WEIGHTS, true, mgr);
        INDArray w = getParamWithNoise(INPUT_WEIGHTS, true, mgr);
        INDArray eps = epsilon.castTo(dataType).permute(2, 0, 1).dup('c').reshape('c', steps * mb, h);
        INDArray dProj = Nd4j.zeros(dataType, steps * mb, rw.size(1));
        INDArray dRw = Nd4j.zeros(dataType, rw.shape());
        INDArray dBhn = cell() == CellType.GRU ? Nd4j.zeros(dataType, 1, h) : null;
        INDArray dh = Nd4j.zeros(dataType, mb, h);
        INDArray dc = f.cs == null ? null : Nd4j.zeros(dataType, mb, h);
        long end = backLength > 0 ? Math.max(0, steps - backLength) : 0;
        for (long t = steps - 1; t >= end; t--) {
            INDArray m = f.maskAt(t);
            INDArray e = eps.get(f.rows(t));
            dh.addi(m == null ? e : e.mulColumnVector(m));
            INDArray dhCell = m == null ? dh : dh.mulColumnVector(m);
            INDArray dcCell = dc == null ? null : m == null ? dc : dc.mulColumnVector(m);
            INDArray[] prev = f.kernel.backward(t, dhCell, dcCell, f.hPrev(t), f.cPrev(t), rw, dProj.get(f.rows(t)),
                    dRw, dBhn);
            if (m != null) {
                // A masked step passed the state through unchanged, and so passes its gradient back.
                INDArray keep = m.rsub(1.0);
                prev[0].addi(dh.mulColumnVector(keep));
                if (dc != null) {
                    prev[1].addi(dc.mulColumnVector(keep));
                }
            }
            dh = prev[0];
            dc = prev[1];
        }
        Map<String, INDArray> views = gradientViews;
        Nd4j.gemm(f.x, dProj, views.get(INPUT_WEIGHTS), true, false, 1.0, 0.0);
        views.get(RECURRENT_WEIGHTS).assign(dRw);
        views.get(BIAS).assign(dProj.sum(true, 0));
        Gradient g = new DefaultGradient(gradientsFlattened);
        g.gradientForVariable().put(INPUT_WEIGHTS, views.get(INPUT_WEIGHTS));
        g.gradientForVariable().put(RECURRENT_WEIGHTS, views.get(RECURRENT_WEIGHTS));
        g.gradientForVariable().put(BIAS, views.get(BIAS));
        if (dBhn != null) {
            views.get(GRU_RECURRENT_BIAS).assign(dBhn);
            g.gradientForVariable().put(GRU_RECURRENT_BIAS, views.get(GRU_RECURRENT_BIAS));
        }
        INDArray dx = dProj.mmul(w.transpose()).reshape('c', steps, mb, w.size(0)).permute(1, 2, 0);
        INDArray epsOut = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, dx.shape(), 'f');
        epsOut.assign(dx);
        weightNoiseParams.clear();
        return new Pair<>(g, backpropDropOutIfPresent(epsOut));
    }
}
