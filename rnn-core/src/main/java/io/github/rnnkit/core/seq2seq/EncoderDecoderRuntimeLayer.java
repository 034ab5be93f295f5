package io.github.rnnkit.core.seq2seq;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Map;

/**
 * The runtime layer of {@link EncoderDecoderLayer}: unpacks the input, runs
 * {@link EncoderDecoderMath} on the current parameters, and packs the gradients back. The
 * training forward pass is kept for the backward pass DL4J runs right after it.
 */
public final class EncoderDecoderRuntimeLayer extends BaseRecurrentLayer<EncoderDecoderLayer> {
    private transient EncoderDecoderMath.Pass lastPass;
    /** The model (parameters read once) that computed {@link #lastPass}, and the parameters it read. */
    private transient EncoderDecoderMath lastModel;
    private transient INDArray lastInput;
    private transient double[] lastParams;

    /**
     * @param conf     the layer's configuration
     * @param dataType the network's data type
     */
    public EncoderDecoderRuntimeLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /** @return the model with the layer's current parameters */
    EncoderDecoderMath model() {
        return model(currentParams());
    }

    private EncoderDecoderMath model(double[] params) {
        EncoderDecoderShape shape = layerConf().shape();
        EncoderDecoderMath m = new EncoderDecoderMath(shape, dataType != DataType.DOUBLE);
        shape.read(params, m);
        return m;
    }

    private double[] currentParams() {
        return params().castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private EncoderDecoderMath.Pass run() {
        EncoderDecoderLayer c = layerConf();
        if (input.rank() != 3 || input.size(1) != c.getNIn() || input.size(2) <= c.getSourceSteps()) {
            throw new IllegalStateException(layerId() + " expects packed input [miniBatch, " + c.getNIn() + ", "
                    + c.getSourceSteps() + " source steps + at least 1 decoder step], got shape " + Arrays.toString(input.shape()));
        }
        Seq2SeqArrays.Unpacked u = Seq2SeqArrays.unpack(input, maskArray, c.getSourceFeatures(), c.getTargetFeatures(),
                c.getSourceSteps());
        lastParams = currentParams();
        lastModel = model(lastParams);
        lastPass = lastModel.forward(u.source(), u.sourceMask(), u.target(), u.targetMask(), lastPass);
        lastInput = input;
        return lastPass;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        EncoderDecoderMath.Pass p = run();
        INDArray out = Seq2SeqArrays.timeMajorToNcw(p.output, dataType);
        return mgr.leverageTo(ArrayType.ACTIVATIONS, out);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        EncoderDecoderMath.Pass p = lastPass;
        if (p == null || lastInput != input || !Arrays.equals(lastParams, currentParams())) {
            p = run();
        }
        EncoderDecoderLayer c = layerConf();
        EncoderDecoderMath.Gradients g = lastModel.backward(p, Seq2SeqArrays.ncwToTimeMajor(epsilon));
        double[] flat = c.shape().write(g);
        gradientsFlattened.assign(Nd4j.create(flat, gradientsFlattened.shape(), 'c').castTo(gradientsFlattened.dataType()));
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (Map.Entry<String, INDArray> e : gradientViews.entrySet()) {
            gradient.gradientForVariable().put(e.getKey(), e.getValue());
        }
        INDArray dx = Seq2SeqArrays.pack(g.source, g.target, c.getSourceFeatures(), c.getTargetFeatures(), dataType);
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(mgr.leverageTo(ArrayType.ACTIVATION_GRAD, dx)));
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        this.maskArray = maskArray;
        if (maskArray == null) {
            return new Pair<>(null, currentMaskState);
        }
        int s = layerConf().getSourceSteps();
        INDArray target = maskArray.get(NDArrayIndex.all(), NDArrayIndex.interval(s, maskArray.size(1)));
        return new Pair<>(target.dup('c'), currentMaskState);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr mgr) {
        throw new UnsupportedOperationException(layerId() + ": an encoder-decoder does not stream through rnnTimeStep; "
                + "decode with Seq2SeqDecoder");
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr mgr) {
        throw new UnsupportedOperationException(layerId() + ": an encoder-decoder trains without truncated BPTT");
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr mgr) {
        throw new UnsupportedOperationException(layerId() + ": an encoder-decoder trains without truncated BPTT");
    }

    @Override
    public void rnnClearPreviousState() {
        // no streaming state
    }

    @Override
    public Map<String, INDArray> rnnGetPreviousState() {
        return Map.of();
    }

    @Override
    public Map<String, INDArray> rnnGetTBPTTState() {
        return Map.of();
    }
}
