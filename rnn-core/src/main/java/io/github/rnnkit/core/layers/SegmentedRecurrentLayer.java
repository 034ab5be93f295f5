package io.github.rnnkit.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What rnnkit's runtime recurrent layers ({@link RecurrentRuntimeLayer}, {@link MinRnnRuntimeLayer})
 * share: DL4J's recurrent-layer contract over a forward pass from a given state and a backward
 * pass through the last steps.
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
 *
 * @param <C> the layer's configuration
 * @param <P> what a forward pass keeps
 */
abstract class SegmentedRecurrentLayer<C extends org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer, P>
        extends BaseRecurrentLayer<C> implements TruncatedBackLength {
    /** The state the last stored-state forward pass started from: the fixed state of a TBPTT segment. */
    private Map<String, INDArray> segmentStart = Map.of();
    /** True when the last forward pass was a TBPTT segment's (stored-state) pass. */
    private boolean segmentForward;
    /** Backward length k2 of truncated BPTT, or -1 for the whole segment. */
    private int truncatedBackLength = -1;
    /** Forward passes run over whole sequences, counted so that tests can see a pass being reused. */
    private transient long forwardPasses;

    SegmentedRecurrentLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * @param init     the state before the first step (empty for zeros)
     * @param training true for a training pass (dropout, weight noise; kept for the backward pass)
     * @param mgr      the workspaces
     * @return the pass
     */
    abstract P forward(Map<String, INDArray> init, boolean training, LayerWorkspaceMgr mgr);

    /** @return the pass's output {@code [mb, H, T]}, zero at masked steps */
    abstract INDArray output(P pass, LayerWorkspaceMgr mgr);

    /** @return the state after the pass's last step, detached from any workspace */
    abstract Map<String, INDArray> lastState(P pass);

    /**
     * @param epsilon    ∂L/∂output
     * @param init       the state the forward pass started from
     * @param backLength steps at the end to run back through, or -1 for all
     * @param mgr        the workspaces
     * @return the parameter gradients and ∂L/∂input
     */
    abstract Pair<Gradient, INDArray> backward(INDArray epsilon, Map<String, INDArray> init, int backLength,
                                               LayerWorkspaceMgr mgr);

    /** @return forward passes this layer has run (for tests) */
    long forwardPasses() {
        return forwardPasses;
    }

    /**
     * Starts a forward pass: counts it, applies input dropout when training, and checks that the
     * input is {@code [miniBatch, nIn, time]}.
     */
    void beginForward(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        forwardPasses++;
        applyDropOutIfNecessary(training, mgr);
        if (input.rank() != 3) {
            throw new IllegalStateException(layerId() + " expects input [miniBatch, " + layerConf().getNIn()
                    + ", time], got shape " + Arrays.toString(input.shape()));
        }
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /**
     * Sets how many steps at the end of a TBPTT segment the backward pass runs through; -1 (the
     * default) for all. {@link io.github.rnnkit.core.net.RnnNetwork} sets it from its configuration.
     *
     * @param steps steps at the end of a segment to run back through, or -1 for all
     */
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
        P p = forward(stateMap, false, mgr);
        stateMap.clear();
        stateMap.putAll(lastState(p));
        return output(p, mgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        Map<String, INDArray> start = new HashMap<>(tBpttStateMap);
        P p = forward(start, training, mgr);
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

    /**
     * Connects a new runtime layer to its configuration and parameter view, as a layer
     * configuration's {@code instantiate} must.
     *
     * @return {@code layer}
     */
    static <T extends SegmentedRecurrentLayer<?, ?>> T wire(T layer, NeuralNetConfiguration conf,
                                                           java.util.Collection<org.deeplearning4j.optimize.api.TrainingListener> listeners,
                                                           int index, INDArray paramsView,
                                                           org.deeplearning4j.nn.api.ParamInitializer initializer,
                                                           boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer.init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** @throws IllegalStateException when a stored state {@code s} does not fit a minibatch of {@code mb} */
    void checkStoredState(INDArray s, int mb, int hidden) {
        if (s != null && (s.size(0) != mb || s.size(1) != hidden)) {
            throw new IllegalStateException(layerId() + ": stored state has shape " + Arrays.toString(s.shape())
                    + " but the input has minibatch " + mb + " and the layer " + hidden
                    + " units; reset the state (rnnClearPreviousState) before a new minibatch size");
        }
    }
}
