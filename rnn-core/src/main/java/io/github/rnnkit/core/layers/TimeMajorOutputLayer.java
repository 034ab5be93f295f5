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
     * in T) are copied out of ND4J.
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
        int[] kept = null;
        double[] mask = null;
        if (maskArray != null) {
            double[] all = values(maskArray);
            kept = java.util.stream.IntStream.range(0, all.length).filter(r -> all[r] != 0).toArray();
            mask = java.util.Arrays.stream(kept).mapToDouble(r -> all[r]).toArray();
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        return new PlainRows(loss, kept, mask, x.size(0), (int) x.size(1), (int) w.size(1), w.dataType(), rows(x, kept),
                values(w), values(getParam(DefaultParamInitializer.BIAS_KEY)));
    }

    /** @return the rows {@code kept} (all when null) of a {@code [all, n]} array, row-major */
    private static double[] rows(INDArray a, int[] kept) {
        // a truncated-BPTT segment before a many-to-one label keeps no row at all
        return kept == null ? values(a) : kept.length == 0 ? new double[0] : values(a.getRows(kept));
    }

    /**
     * @param loss  the row arithmetic
     * @param kept  the rows the mask keeps, or null for all
     * @param mask  their mask values, or null
     * @param all   the number of time-major rows
     * @param h     inputs per row
     * @param k     outputs per row
     * @param type  the layer's data type
     * @param x     the kept rows of the input, row-major
     * @param w     the weights {@code [h, k]}, row-major
     * @param b     the bias
     */
    private record PlainRows(RowLoss loss, int[] kept, double[] mask, long all, int h, int k, DataType type, double[] x,
                             double[] w, double[] b) {
        int count() {
            return kept == null ? (int) all : kept.length;
        }

        /** @return the kept rows of a {@code [all, n]} array, row-major */
        double[] rows(INDArray a) {
            return TimeMajorOutputLayer.rows(a, kept);
        }

        /** @return {@code [count, k]} values spread back to an {@code [all, k]} array of {@code type}, 0 in the other rows */
        INDArray spread(double[] compact, LayerWorkspaceMgr mgr, ArrayType arrayType) {
            double[] full = compact;
            if (kept != null) {
                full = new double[(int) all * k];
                for (int i = 0; i < kept.length; i++) {
                    System.arraycopy(compact, i * k, full, kept[i] * k, k);
                }
            }
            INDArray out = mgr.createUninitialized(arrayType, type, new long[]{all, k}, 'c');
            return out.assign(Nd4j.create(full, new long[]{all, k}, DataType.DOUBLE));
        }
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
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
            return toSequence(p.spread(p.loss().outputs(p.x(), p.count(), p.h(), p.w(), p.b(), p.k(), p.mask()), mgr,
                    ArrayType.ACTIVATIONS));
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
            s = p.loss().score(p.x(), p.count(), p.h(), p.w(), p.b(), p.k(),
                    p.rows(getLabels2d(mgr, ArrayType.FF_WORKING_MEM)), p.mask());
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
        INDArray delta;
        if (p != null) {
            delta = p.spread(p.loss().gradient(p.x(), p.count(), p.h(), p.w(), p.b(), p.k(),
                    p.rows(getLabels2d(mgr, ArrayType.BP_WORKING_MEM)), p.mask()), mgr, ArrayType.BP_WORKING_MEM);
        } else {
            INDArray z = preOutput(x, true, mgr, ArrayType.BP_WORKING_MEM);
            delta = layerConf().getLossFn().computeGradient(getLabels2d(mgr, ArrayType.BP_WORKING_MEM), z,
                    layerConf().getActivationFn(), maskArray);
        }
        Gradient g = new DefaultGradient();
        INDArray dW = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(x.castTo(dW.dataType()), delta, dW, true, false, 1.0, 0.0);
        g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, dW);
        if (hasBias()) {
            INDArray db = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(db, 0);
            g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, db);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, mgr);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), new long[]{x.size(0), x.size(1)},
                'c');
        Nd4j.gemm(delta, w, dx, false, true, 1.0, 0.0);
        weightNoiseParams.clear();
        return new Pair<>(g, toSequence(dx));
    }
}
