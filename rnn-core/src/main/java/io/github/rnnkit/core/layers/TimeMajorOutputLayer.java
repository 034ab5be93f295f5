package io.github.rnnkit.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * DL4J's {@link RnnOutputLayer} (the same configuration, parameters, loss and masks) for inputs
 * laid out as rnnkit's recurrent layers write them: a {@code [mb, H, T]} view of a time-major
 * {@code [T, mb, H]} array. Such an input already is the {@code [T*mb, H]} matrix, rows in
 * DL4J's order {@code t*mb + i}, that DL4J's layer builds by copying it (several times per
 * training step: into its working memory, for the matrix product, and back into 3D for the
 * gradient). This layer reads it in place and returns the gradient in the same time-major
 * layout, which the recurrent layer below reads with one bulk copy.
 *
 * <p>Any other input (DL4J's own layers, {@code Bidirectional}, output-layer dropout, NWC
 * format) takes DL4J's path unchanged. {@link io.github.rnnkit.core.net.RnnNetwork} puts this
 * layer in place of DL4J's when it initialises, so saved configurations do not change.
 */
public final class TimeMajorOutputLayer extends RnnOutputLayer {
    // The rows the current mask keeps, found once per mask: score and gradient of one update share
    // it (DL4J makes a new mask array for every minibatch it is given).
    private transient INDArray keptFor;
    private transient PlainRows.Kept kept;

    /**
     * Creates the layer on an RNN output layer's configuration.
     *
     * @param conf the output layer's configuration
     * @param dataType the network's data type
     */
    public TimeMajorOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** @return the input as a {@code [T*mb, H]} view without copying, or null when it is not time-major */
    private INDArray timeMajorInput() {
        INDArray in = input;
        if (in == null || in.rank() != 3 || layerConf().getRnnDataFormat() == RNNFormat.NWC
                || layerConf().getIDropout() != null) {
            return null;
        }
        long mb = in.size(0);
        long h = in.size(1);
        long steps = in.size(2);
        if (!Arrays.equals(in.stride(), new long[]{h, 1, mb * h})) {
            return null;
        }
        return Nd4j.create(in.data(), new long[]{steps * mb, h}, new long[]{h, 1}, in.offset(), 'c', in.dataType());
    }

    /**
     * The plain-array route for softmax with cross-entropy, or identity with mean squared error,
     * without weights, noise or dropout (the pairs rnnkit builds), which {@link RowLoss}
     * evaluates: DL4J's ops for softmax, the loss and the bias row cost more than the arithmetic at
     * small sizes. Only the rows a per-step mask keeps (a many-to-one window's last step, one row
     * in T) are copied out of ND4J. Above {@link PlainRows#MAX_WORK} multiply-adds per pass (all
     * steps of a large many-to-many batch, or inference over every step) DL4J's matrix products
     * are faster, and its ops are used.
     *
     * @param x the {@code [T*mb, H]} input
     * @return the rows to compute on, or null to use DL4J's ops (another loss, a per-output mask)
     */
    private PlainRows plainRows(INDArray x) {
        RowLoss loss = layerConf().getWeightNoise() != null || !hasBias() ? null
                : RowLoss.of(layerConf().getActivationFn(), layerConf().getLossFn());
        if (loss == null || maskArray != null && (!maskArray.isColumnVectorOrScalar() || maskArray.length() != x.size(0))) {
            return null;
        }
        if (keptFor != maskArray || kept == null) {
            kept = PlainRows.Kept.of(maskArray);
            keptFor = maskArray;
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        long rows = kept.rows() == null ? x.size(0) : kept.rows().length;
        if (rows * x.size(1) * w.size(1) > PlainRows.MAX_WORK) {
            return null;
        }
        return PlainRows.of(loss, x, input.size(0), kept, w, getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /** @return the labels of the rows {@code p} keeps, {@code [count, K]} row-major */
    private double[] labelRows(PlainRows p, LayerWorkspaceMgr mgr, ArrayType type) {
        return labels.rank() == 3 && labels.size(2) == input.size(2) && labels.size(0) == input.size(0)
                ? p.labelRows(labels) : p.rows(getLabels2d(mgr, type));
    }

    /** @return {@code x W + b} for the {@code [T*mb, H]} input {@code x}, allocated as {@code type} */
    private INDArray preOutput(INDArray x, boolean training, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, mgr);
        INDArray z = mgr.createUninitialized(type, w.dataType(), new long[]{x.size(0), w.size(1)}, 'c');
        Nd4j.gemm(x.castTo(w.dataType()), w, z, false, false, 1.0, 0.0);
        if (hasBias()) {
            z.addiRowVector(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, mgr));
        }
        return z;
    }

    /** @return {@code [T*mb, n]} as the {@code [mb, n, T]} view of a time-major array */
    private INDArray toSequence(INDArray rows) {
        return rows.reshape('c', input.size(2), input.size(0), rows.size(1)).permute(1, 2, 0);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        INDArray x = timeMajorInput();
        if (x == null) {
            return super.activate(training, mgr);
        }
        PlainRows p = plainRows(x);
        if (p != null) {
            return toSequence(p.spread(p.outputs(), p.k(), mgr, ArrayType.ACTIVATIONS));
        }
        INDArray out = layerConf().getActivationFn().getActivation(preOutput(x, training, mgr, ArrayType.ACTIVATIONS),
                training);
        if (maskArray != null) {
            // As DL4J's layer: a per-output mask has the output's shape, a per-step one is a column.
            if (!maskArray.isColumnVectorOrScalar() || Arrays.equals(maskArray.shape(), out.shape())) {
                out.muli(maskArray.castTo(out.dataType()));
            } else {
                out.muliColumnVector(maskArray.castTo(out.dataType()));
            }
        }
        return toSequence(mgr.leverageTo(ArrayType.ACTIVATIONS, out));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr mgr) {
        INDArray x = timeMajorInput();
        if (x == null || labels == null) {
            return super.computeScore(fullNetRegTerm, training, mgr);
        }
        PlainRows p = plainRows(x);
        double s;
        if (p != null) {
            s = p.score(labelRows(p, mgr, ArrayType.FF_WORKING_MEM));
        } else {
            INDArray z = preOutput(x, training, mgr, ArrayType.FF_WORKING_MEM);
            s = layerConf().getLossFn().computeScore(getLabels2d(mgr, ArrayType.FF_WORKING_MEM), z,
                    layerConf().getActivationFn(), maskArray, false);
        }
        if (conf().isMiniBatch()) {
            s /= getInputMiniBatchSize();
        }
        score = s + fullNetRegTerm;
        return score;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        INDArray x = timeMajorInput();
        if (x == null || labels == null || labels.rank() != 3 || labels.size(2) != input.size(2)) {
            return super.backpropGradient(epsilon, mgr);
        }
        PlainRows p = plainRows(x);
        Gradient g = new DefaultGradient();
        INDArray dW = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, dW);
        INDArray db = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        if (hasBias()) {
            g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, db);
        }
        INDArray dx;
        if (p != null) {
            // the matrix products over kept rows only: DL4J's gemm of [H, T*mb] by [T*mb, K] for a
            // few nonzero rows was most of a full-batch many-to-one update
            dx = p.backward(p.gradient(labelRows(p, mgr, ArrayType.BP_WORKING_MEM)), dW, db, mgr);
        } else {
            INDArray z = preOutput(x, true, mgr, ArrayType.BP_WORKING_MEM);
            INDArray delta = layerConf().getLossFn().computeGradient(getLabels2d(mgr, ArrayType.BP_WORKING_MEM), z,
                    layerConf().getActivationFn(), maskArray);
            Nd4j.gemm(x.castTo(dW.dataType()), delta, dW, true, false, 1.0, 0.0);
            if (hasBias()) {
                delta.sum(db, 0);
            }
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, mgr);
            dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), new long[]{x.size(0), x.size(1)}, 'c');
            Nd4j.gemm(delta, w, dx, false, true, 1.0, 0.0);
        }
        weightNoiseParams.clear();
        return new Pair<>(g, toSequence(dx));
    }
}
