package io.github.rnnkit.core.net;

import org.deeplearning4j.exception.DL4JException;
import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A {@link MultiLayerNetwork} whose truncated BPTT is correct.
 *
 * <p>DL4J 1.0.0-M2.1 runs each TBPTT segment's forward pass from the carried state but then
 * calls {@code calcBackpropGradients(..., tbptt = false, ...)}, so the layers' truncated backward
 * pass ({@code tbpttBackpropGradient}) is never used: the backward length has no effect and the
 * backward pass starts from a zero state. This class makes the one change needed: in TBPTT mode
 * the gradient comes from the layers' truncated backward pass, which for rnnkit's layers starts
 * from the segment's carried state and runs through at most {@code tBPTTBackwardLength} steps.
 * Everything else (segmenting, state carry between segments, clipping, updaters) is DL4J's.
 */
public class RnnNetwork extends MultiLayerNetwork {

    public RnnNetwork(MultiLayerConfiguration conf) {
        super(conf);
    }

    /**
     * @return a network of this class with {@code net}'s configuration, parameters and updater
     *         state (for example one read by {@code ModelSerializer})
     */
    public static RnnNetwork of(MultiLayerNetwork net) {
        if (net instanceof RnnNetwork r) {
            return r;
        }
        RnnNetwork out = new RnnNetwork(net.getLayerWiseConfigurations().clone());
        out.init(net.params().dup(), false);
        Updater u = net.getUpdater(false);
        if (u != null && u.getStateViewArray() != null) {
            out.getUpdater().setStateViewArray(out, u.getStateViewArray().dup(), false);
        }
        return out;
    }

    /** @return true when the configuration asks for truncated BPTT */
    public boolean isTruncatedBptt() {
        return layerWiseConfigurations.getBackpropType() == BackpropType.TruncatedBPTT;
    }

    @Override
    public RnnNetwork clone() {
        return of(super.clone());
    }

    @Override
    public void computeGradientAndScore() {
        if (!(getOutputLayer() instanceof IOutputLayer)) {
            throw new DL4JException("Cannot calculate gradient and score with respect to labels: final layer is not an "
                    + "IOutputLayer. Final layer class: " + getOutputLayer().getClass());
        }
        LayerWorkspaceMgr mgr;
        if (layerWiseConfigurations.getTrainingWorkspaceMode() == WorkspaceMode.NONE) {
            mgr = LayerWorkspaceMgr.noWorkspaces();
        } else {
            mgr = LayerWorkspaceMgr.builder()
                    .with(ArrayType.INPUT, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                    .with(ArrayType.ACTIVATIONS, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                    .with(ArrayType.FF_WORKING_MEM, WS_LAYER_WORKING_MEM, WS_LAYER_WORKING_MEM_CONFIG)
                    .with(ArrayType.BP_WORKING_MEM, WS_LAYER_WORKING_MEM, WS_LAYER_WORKING_MEM_CONFIG)
                    .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM_CONFIG)
                    .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM_CONFIG)
                    .build();
            if (layerWiseConfigurations.getCacheMode() != null) {
                mgr.setWorkspace(ArrayType.FF_CACHE, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG);
            }
        }
        boolean tbptt = isTruncatedBptt();
        FwdPassType fwdType = tbptt ? FwdPassType.RNN_ACTIVATE_WITH_STORED_STATE : FwdPassType.STANDARD;
        synchronizeIterEpochCounts();
        try (MemoryWorkspace ws = mgr.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            List<INDArray> activations = ffToLayerActivationsInWs(layers.length - 2, fwdType, tbptt, input, mask, null);
            for (TrainingListener tl : trainingListeners) {
                tl.onForwardPass(this, activations);
            }
            INDArray inputToOutputLayer = activations.get(activations.size() - 1);
            if (layerWiseConfigurations.getInputPreProcess(layers.length - 1) != null) {
                inputToOutputLayer = layerWiseConfigurations.getInputPreProcess(layers.length - 1)
                        .preProcess(inputToOutputLayer, getInputMiniBatchSize(), mgr);
            }
            getOutputLayer().setInput(inputToOutputLayer, mgr);
            // The one change from DL4J: pass tbptt through, so that layers run their truncated backward pass.
            Pair<Gradient, INDArray> pair = calcBackpropGradients(null, true, tbptt, false);
            this.gradient = pair == null ? null : pair.getFirst();
            try (MemoryWorkspace wsFF = mgr.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                double r = calcRegularizationScore(true);
                score = ((IOutputLayer) getOutputLayer()).computeScore(r, true, mgr);
            }
            if (!trainingListeners.isEmpty()) {
                try (MemoryWorkspace workspace = org.nd4j.linalg.factory.Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                    for (TrainingListener tl : trainingListeners) {
                        tl.onBackwardPass(this);
                    }
                }
            }
        }
        getOutputLayer().clearNoiseWeightParams();
    }
}
