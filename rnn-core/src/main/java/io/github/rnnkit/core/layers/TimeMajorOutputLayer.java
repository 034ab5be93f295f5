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
     * Softmax with cross-entropy, or identity with mean squared error, without weights, noise or
     * dropout: the pairs rnnkit builds, which {@link RowLoss} evaluates on plain arrays (DL4J's ops
     * for softmax, the loss and the bias row cost more than the arithmetic at small sizes).
     */
    private RowLoss rowLoss() {
        if (layerConf().getWeightNoise() != null || !hasBias()) {
            return null;
        }
        return RowLoss.of(layerConf().getActivationFn(), layerConf().getLossFn());
    }

    /** @return the mask as one value per time-major row, or null for no mask; {@code FAIL} when it is per output */
    private double[] rowMask(long rows) {
        if (maskArray == null) {
            return null;
        }
        if (!maskArray.isColumnVectorOrScalar() || maskArray.length() != rows) {
            return FAIL;
        }
        return maskArray.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static final double[] FAIL = new double[0];

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /**
     * The rows a mask keeps: a many-to-one window's last step, one row in T. Only these are copied
     * out of ND4J (copying all T*mb rows of a long window cost more than DL4J's own ops).
     */
    private record Kept(int[] rows, double[] mask) {
        static Kept of(double[] mask, long all) {
            if (mask == null) {
                return new Kept(null, null);
            }
            int n = 0;
            for (double m : mask) {
                n += m != 0 ? 1 : 0;
            }
            int[] idx = new int[n];
            double[] m = new double[n];
            for (int r = 0, i = 0; r < mask.length; r++) {
                if (mask[r] != 0) {
                    idx[i] = r;
                    m[i++] = mask[r];
                }
            }
            return new Kept(idx, m);
        }

        int count(long all) {
            return rows == null ? (int) all : rows.length;
        }

        double[] of(INDArray a) {
            // a truncated-BPTT segment before a many-to-one label keeps no row at all
            return rows == null ? values(a) : rows.length == 0 ? new double[0] : values(a.getRows(rows));
        }

        /** Spreads {@code [count, k]} back to {@code [all, k]} rows, zero where the mask is 0. */
        double[] spread(double[] compact, long all, int k) {
            if (rows == null) {
                return compact;
            }
            double[] out = new double[(int) all * k];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(compact, i * k, out, rows[i] * k, k);
            }
            return out;
        }
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
        RowLoss loss = rowLoss();
        double[] mask = rowMask(x.size(0));
        if (loss != null && mask != FAIL) {
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            Kept kept = Kept.of(mask, x.size(0));
            double[] y = kept.spread(loss.outputs(kept.of(x), kept.count(x.size(0)), (int) x.size(1), values(w),
                    values(getParam(DefaultParamInitializer.BIAS_KEY)), (int) w.size(1), kept.mask()), x.size(0), (int) w.size(1));
            INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), new long[]{x.size(0), w.size(1)}, 'c');
            out.assign(Nd4j.create(y, new long[]{x.size(0), w.size(1)}, DataType.DOUBLE));
            return toSequence(out);
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
        RowLoss loss = rowLoss();
        double[] mask = rowMask(x.size(0));
        double s;
        if (loss != null && mask != FAIL) {
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            Kept kept = Kept.of(mask, x.size(0));
            s = loss.score(kept.of(x), kept.count(x.size(0)), (int) x.size(1), values(w), values(getParam(
                    DefaultParamInitializer.BIAS_KEY)), (int) w.size(1), kept.of(getLabels2d(mgr, ArrayType.FF_WORKING_MEM)),
                    kept.mask());
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
        RowLoss loss = rowLoss();
        double[] mask = rowMask(x.size(0));
        INDArray delta;
        if (loss != null && mask != FAIL) {
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            Kept kept = Kept.of(mask, x.size(0));
            double[] d = kept.spread(loss.gradient(kept.of(x), kept.count(x.size(0)), (int) x.size(1), values(w),
                    values(getParam(DefaultParamInitializer.BIAS_KEY)), (int) w.size(1),
                    kept.of(getLabels2d(mgr, ArrayType.BP_WORKING_MEM)), kept.mask()), x.size(0), (int) w.size(1));
            delta = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, w.dataType(), new long[]{x.size(0), w.size(1)}, 'c');
            delta.assign(Nd4j.create(d, new long[]{x.size(0), w.size(1)}, DataType.DOUBLE));
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
