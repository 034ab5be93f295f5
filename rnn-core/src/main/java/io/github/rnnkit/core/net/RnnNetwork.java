package io.github.rnnkit.core.net;

import io.github.rnnkit.core.layers.TruncatedBackLength;
import io.github.rnnkit.core.layers.TimeMajorOutputLayer;
import io.github.rnnkit.core.spec.ModelSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link MultiLayerNetwork} whose truncated BPTT is correct.
 *
 * <p>Truncated BPTT with forward length k1 and backward length k2 cuts each minibatch into
 * segments of k1 steps and carries the hidden state from one segment to the next. Each segment
 * is one update whose gradient is the exact gradient of the segment's loss with the carried-in
 * state held fixed; when k2 is below the segment's length, the loss is that of the segment's last
 * k2 steps and the state entering them is held fixed, so no gradient flows more than k2 steps.
 * (For many-to-one data, whose only label is on the last step, k2 just limits how far back that
 * label's gradient reaches. For many-to-many data, steps outside the last k2 of a segment carry no
 * loss: use k2 = k1 unless that is what you want.)
 *
 * <p>DL4J 1.0.0-M2.1 gets this wrong: it runs each segment's forward pass from the carried state
 * but its backward pass ({@code calcBackpropGradients(..., tbptt = false, ...)}) calls the layers'
 * full backward pass, which for DL4J's own layers starts again from a zero state, and never uses
 * the backward length (its {@code tbptt = true} branch is unreachable and would fail). rnnkit's
 * layers fix the first part themselves: after a stored-state forward pass their backward pass
 * starts from the segment's carried state. This class does the rest: it tells them k2, and it
 * restricts the label mask to the last k2 steps, so that the output layer's gradient and the
 * score belong to the same loss. Segmenting, state carry, clipping and updaters stay DL4J's.
 */
public class RnnNetwork extends MultiLayerNetwork {
    private transient ModelSpec spec;
    private transient INDArray featureMask;
    private transient INDArray labelMask;
    private transient double globalClipScale = 1;

    /**
     * A network of this configuration; call {@code init()} before use (as {@link NetworkFactory#create} does).
     *
     * @param conf the configuration
     */
    public RnnNetwork(MultiLayerConfiguration conf) {
        super(conf);
    }

    /**
     * @param net any network
     * @return a network of this class with {@code net}'s configuration, parameters and updater
     * state (for example one read by {@code ModelSerializer})
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

    /**
     * @return the spec this network was built from ({@link NetworkFactory#create}) or saved with
     *         ({@code ModelBundle.load}), or null for a network made otherwise
     */
    public ModelSpec spec() {
        return spec;
    }

    /** Records the spec this network was built from or saved with. */
    RnnNetwork withSpec(ModelSpec s) {
        this.spec = s;
        return this;
    }

    /** @return true when the configuration asks for truncated BPTT */
    public boolean isTruncatedBptt() {
        return layerWiseConfigurations.getBackpropType() == BackpropType.TruncatedBPTT;
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        useTimeMajorOutputLayer();
        int back = isTruncatedBptt() ? layerWiseConfigurations.getTbpttBackLength() : -1;
        for (Layer layer : getLayers()) {
            if (layer instanceof TruncatedBackLength r) {
                r.setTruncatedBackLength(back);
            }
        }
    }

    /**
     * Puts a {@link TimeMajorOutputLayer} in place of DL4J's RNN output layer, on the same
     * configuration and parameter views: it reads rnnkit's layers' activations without copying.
     */
    private void useTimeMajorOutputLayer() {
        int last = layers.length - 1;
        if (last < 0 || layers[last].getClass() != org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer.class) {
            return;
        }
        Layer dl4j = layers[last];
        TimeMajorOutputLayer out = new TimeMajorOutputLayer(dl4j.conf(), layerWiseConfigurations.getDataType());
        out.setListeners(dl4j.getListeners());
        out.setIndex(dl4j.getIndex());
        out.setParamsViewArray(dl4j.params());
        out.setParamTable(dl4j.paramTable());
        layers[last] = out;
        layerMap.put(dl4j.conf().getLayer().getLayerName(), out);
    }

    @Override
    public RnnNetwork clone() {
        return of(super.clone()).withSpec(spec);
    }

    @Override
    public void setLayerMaskArrays(INDArray featuresMaskArray, INDArray labelsMaskArray) {
        if (labelsMaskArray != null && labelsMaskArray.length() == 1 && labelsMaskArray.getDouble(0) == 1.0) {
            // One example of one step: DL4J's cross-entropy reads a [1, 1] label mask as per-output
            // masking and throws; a mask of a single 1 masks nothing, so it is dropped.
            labelsMaskArray = null;
        }
        super.setLayerMaskArrays(featuresMaskArray, labelsMaskArray);
        // DL4J calls this again with the features mask alone during a forward pass; keep the labels mask.
        featureMask = featuresMaskArray != null ? featuresMaskArray : featureMask;
        labelMask = labelsMaskArray != null ? labelsMaskArray : labelMask;
    }

    @Override
    public void clearLayerMaskArrays() {
        super.clearLayerMaskArrays();
        featureMask = null;
        labelMask = null;
    }

    @Override
    public void computeGradientAndScore() {
        INDArray truncated = isTruncatedBptt() ? truncatedLabelMask() : null;
        if (truncated == null) {
            super.computeGradientAndScore();
        } else {
            try {
                getOutputLayer().setMaskArray(truncated);
                super.computeGradientAndScore();
            } finally {
                getOutputLayer().setMaskArray(labelMask);
            }
        }
        clipGlobally();
    }

    /**
     * Global-norm clipping ({@link io.github.rnnkit.core.spec.Clipping#globalL2}), which DL4J does
     * not have: the whole gradient is scaled so that the minibatch's mean gradient has at most the
     * threshold's L2 norm. DL4J's gradient here is the sum over the minibatch (its updater divides
     * by the minibatch size later), hence the division before comparing.
     */
    private void clipGlobally() {
        globalClipScale = 1;
        if (spec == null || !spec.clipping().global() || gradient == null) {
            return;
        }
        INDArray g = gradient.gradient();
        double norm = g.norm2Number().doubleValue() / Math.max(1, getInput().size(0));
        double t = spec.clipping().threshold();
        if (norm > t) {
            globalClipScale = t / norm;
            g.muli(globalClipScale);
        }
    }

    /**
     * @return the factor global-norm clipping scaled the last gradient by: 1 when it was not
     *         clipped (or global clipping is off), else threshold / ‖mean gradient‖
     */
    public double globalClipScale() {
        return globalClipScale;
    }

    /** @return the label mask restricted to the segment's last k2 steps, or null when no step is cut */
    private INDArray truncatedLabelMask() {
        long steps = input.size(2);
        int back = layerWiseConfigurations.getTbpttBackLength();
        if (back <= 0 || back >= steps) {
            return null;
        }
        INDArray keep = Nd4j.zeros(params().dataType(), input.size(0), steps);
        keep.get(NDArrayIndex.all(), NDArrayIndex.interval(steps - back, steps)).assign(1.0);
        INDArray base = labelMask != null ? labelMask : featureMask;
        return base == null ? keep : keep.muli(base.castTo(keep.dataType()));
    }
}
