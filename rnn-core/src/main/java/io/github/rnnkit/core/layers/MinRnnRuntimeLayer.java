package io.github.rnnkit.core.layers;

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

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static io.github.rnnkit.core.layers.RecurrentParamInitializer.BIAS;
import static io.github.rnnkit.core.layers.RecurrentParamInitializer.INPUT_WEIGHTS;

/**
 * The runtime layer of {@link MinRnnLayer}: DL4J's recurrent-layer contract over {@link MinRnnMath}.
 * <ul>
 *   <li>{@link #activate}: all steps from a zero state, the channels (or, for a narrow layer, the
 *       steps) split among {@link #workers()} threads.</li>
 *   <li>{@link #backpropGradient}: the reverse scan, the examples split among the workers.</li>
 *   <li>{@link #rnnTimeStep}: the same pass from the stored streaming state, which it then replaces
 *       with the state after the last step: step-by-step streaming gives the states of one pass
 *       over the whole sequence.</li>
 *   <li>{@link #rnnActivateUsingStoredState}: one truncated-BPTT segment from the state the previous
 *       segment ended in; the backward pass after it runs through the segment's last k2 steps with
 *       the state entering them held fixed.</li>
 * </ul>
 * The arithmetic is double precision whatever the network's data type.
 */
public final class MinRnnRuntimeLayer extends BaseRecurrentLayer<MinRnnLayer> implements TruncatedBackLength {
    /** State key of the hidden state h {@code [mb, H]}, as {@link RecurrentRuntimeLayer#STATE_H}. */
    public static final String STATE_H = RecurrentRuntimeLayer.STATE_H;
    /** System property that sets {@link #workers()} (default: the available processors). */
    public static final String WORKERS_PROPERTY = "rnnkit.scan.workers";

    private Map<String, INDArray> segmentStart = Map.of();
    private boolean segmentForward;
    private int truncatedBackLength = -1;
    /** The last training forward pass, reused by the backward pass DL4J runs right after it. */
    private transient Pass lastTrainingPass;
    /** Forward passes run, counted so that tests can see a pass being reused. */
    private transient long forwardPasses;

    /** A forward pass and what it was computed from. */
    private record Pass(MinRnnMath.Params params, double[] x, double[] h0, double[] mask, int steps, int mb,
                        MinRnnMath.Forward forward, INDArray input, INDArray maskArray, double[] paramsAt) {
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
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void setTruncatedBackLength(int steps) {
        this.truncatedBackLength = steps;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        segmentForward = false;
        return output(forward(Map.of(), training, mgr), mgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        Pass p = forward(stateMap, false, mgr);
        stateMap.clear();
        stateMap.putAll(lastState(p));
        return output(p, mgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        Map<String, INDArray> start = new HashMap<>(tBpttStateMap);
        Pass p = forward(start, training, mgr);
        segmentStart = start;
        segmentForward = true;
        if (storeLastForTBPTT) {
            tBpttStateMap.clear();
            tBpttStateMap.putAll(lastState(p));
        }
        return output(p, mgr);
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

    /** @return forward passes this layer has run (for tests) */
    long forwardPasses() {
        return forwardPasses;
    }

    private Pass forward(Map<String, INDArray> init, boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        forwardPasses++;
        applyDropOutIfNecessary(training, mgr);
        if (input.rank() != 3) {
            throw new IllegalStateException(layerId() + " expects input [miniBatch, " + layerConf().getNIn()
                    + ", time], got shape " + Arrays.toString(input.shape()));
        }
        int mb = (int) input.size(0);
        int steps = (int) input.size(2);
        int hidden = (int) layerConf().getNOut();
        MinRnnMath.Params params = params(training, mgr);
        double[] x = doubles(input.permute(2, 0, 1));
        double[] h0 = new double[mb * hidden];
        INDArray s = init.get(STATE_H);
        if (s != null) {
            if (s.size(0) != mb || s.size(1) != hidden) {
                throw new IllegalStateException(layerId() + ": stored state has shape " + Arrays.toString(s.shape())
                        + " but the input has minibatch " + mb + " and the layer " + hidden
                        + " units; reset the state (rnnClearPreviousState) before a new minibatch size");
            }
            h0 = doubles(s);
        }
        double[] mask = maskArray == null ? null : doubles(maskArray);
        MinRnnMath.Forward f = MinRnnMath.forward(params, x, h0, mask, steps, mb, workers());
        Pass p = new Pass(params, x, h0, mask, steps, mb, f, input, maskArray, training ? doubles(params()) : null);
        lastTrainingPass = training ? p : null;
        return p;
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
    private INDArray output(Pass p, LayerWorkspaceMgr mgr) {
        int hidden = (int) layerConf().getNOut();
        double[] h = p.forward().h();
        if (p.mask() != null) {
            h = h.clone();
            int width = p.mb() * hidden;
            for (int t = 0; t < p.steps(); t++) {
                for (int c = 0; c < width; c++) {
                    h[t * width + c] *= p.mask()[(c / hidden) * p.steps() + t];
                }
            }
        }
        return array(h, new long[]{p.steps(), p.mb(), hidden}, mgr, ArrayType.ACTIVATIONS).permute(1, 2, 0);
    }

    /** @return the state after the last step, detached from any workspace */
    private Map<String, INDArray> lastState(Pass p) {
        int width = p.mb() * (int) layerConf().getNOut();
        double[] last = Arrays.copyOfRange(p.forward().h(), (p.steps() - 1) * width, p.steps() * width);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Map.of(STATE_H, Nd4j.create(last, new long[]{p.mb(), layerConf().getNOut()}, 'c').castTo(dataType));
        }
    }

    private Pair<Gradient, INDArray> backward(INDArray epsilon, Map<String, INDArray> init, int backLength,
                                              LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        applyDropOutIfNecessary(true, mgr);
        Pass last = lastTrainingPass;
        lastTrainingPass = null;
        Pass p = last != null && last.input() == input && last.maskArray() == maskArray
                && Arrays.equals(doubles(params()), last.paramsAt())
                ? last : forward(init, true, mgr);
        lastTrainingPass = null;
        int first = backLength > 0 ? Math.max(0, p.steps() - backLength) : 0;
        double[] dh = doubles(epsilon.permute(2, 0, 1));
        MinRnnMath.Gradients g = MinRnnMath.backward(p.params(), p.x(), p.h0(), p.mask(), p.forward(), dh, first, p.steps(),
                p.mb(), workers());
        MinRnnLayer c = layerConf();
        int nIn = (int) c.getNIn();
        int h = (int) c.getNOut();
        int n = c.kind().projections();
        double[] dw = new double[nIn * n * h];
        double[] db = new double[n * h];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < nIn; i++) {
                System.arraycopy(g.w()[k], i * h, dw, i * n * h + k * h, h);
            }
            System.arraycopy(g.b()[k], 0, db, k * h, h);
        }
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        put(gradient, INPUT_WEIGHTS, dw);
        put(gradient, BIAS, db);
        INDArray epsOut = array(g.x(), new long[]{p.steps(), p.mb(), nIn}, mgr, ArrayType.ACTIVATION_GRAD).permute(1, 2, 0);
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
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
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
