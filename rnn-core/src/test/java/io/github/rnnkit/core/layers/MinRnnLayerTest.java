package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.torch.GoldenFiles;
import io.github.rnnkit.core.torch.NpyArray;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MinRnnLayer} inside DL4J networks: PyTorch's minGRU and minLSTM (golden/minrnn) reproduced
 * by the layer in float64 and float32, any worker count giving the same pass, and, for every cell,
 * DL4J's gradient check with masks that have gaps (padding before and between real steps, which
 * trailing padding never exercises: a gap's gradient must pass through the carried state).
 */
class MinRnnLayerTest {
    private static final LayerWorkspaceMgr MGR = LayerWorkspaceMgr.noWorkspaces();
    private static final int T = 6;
    private static final int MB = 3;
    private static final int IN = 3;
    private static final int H = 4;

    @org.junit.jupiter.api.BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private static RnnNetwork network(ModelSpec spec) {
        RnnNetwork net = NetworkFactory.create(spec);
        net.initGradientsView();
        return net;
    }

    private static ModelSpec spec(CellType cell, DataType type, int in, int... hidden) {
        return ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_MANY).setInputSize(in).setHiddenSizes(hidden)
                .setOutputSize(2).setTask(Task.REGRESSION).optUpdater(UpdaterKind.NOOP, 1.0).optDataType(type).optSeed(11)
                .build();
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void gradientsMatchFiniteDifferencesWithGapsInTheMask(CellType cell) {
        RnnNetwork net = NetworkFactory.create(spec(cell, DataType.DOUBLE, 2, 3, 2));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 6).subi(0.5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2, 6);
        INDArray mask = Nd4j.createFromArray(new double[][]{{0, 0, 1, 1, 1, 1}, {1, 0, 1, 0, 0, 1}, {1, 1, 1, 1, 0, 0}});
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .inputMask(mask).labelMask(mask).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .exitOnFirstError(false));
        assertTrue(ok, "gradient check with gaps failed for " + cell);
    }

    static Stream<Arguments> goldenCases() {
        return Stream.of(CellType.MIN_GRU, CellType.MIN_LSTM).flatMap(c -> Stream.of(
                Arguments.of(c, DataType.DOUBLE, 1e-12), Arguments.of(c, DataType.FLOAT, 2e-5)));
    }

    /** PyTorch's nn.Linear names of each cell's projections, in rnnkit's block order. */
    private static List<String> projections(CellType cell) {
        return cell == CellType.MIN_GRU ? List.of("linear_z", "linear_h") : List.of("linear_f", "linear_i", "linear_h");
    }

    /** @return a {@code [T][mb][k]} time-major array as DL4J's {@code [mb, k, T]} */
    private static INDArray ncw(double[] timeMajor, int k, DataType type) {
        return Nd4j.create(timeMajor, new long[]{T, MB, k}, 'c').permute(1, 2, 0).dup('c').castTo(type);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenCases")
    void theLayerReproducesPyTorchForwardAndGradients(CellType cell, DataType type, double tol) throws IOException {
        Map<String, NpyArray> f = GoldenFiles.read("/golden/minrnn/minrnn.npz");
        String pre = cell == CellType.MIN_GRU ? "min_gru." : "min_lstm.";
        Layer layer = network(spec(cell, type, IN, H)).getLayer(0);
        List<String> names = projections(cell);
        int n = names.size();
        INDArray w = layer.getParam(RecurrentParamInitializer.INPUT_WEIGHTS);
        INDArray b = layer.getParam(RecurrentParamInitializer.BIAS);
        for (int g = 0; g < n; g++) {
            double[] wt = f.get(pre + names.get(g) + ".weight").data();   // [H][in]
            double[] bias = f.get(pre + names.get(g) + ".bias").data();
            for (int k = 0; k < H; k++) {
                for (int i = 0; i < IN; i++) {
                    w.putScalar(i, g * H + k, wt[k * IN + i]);
                }
                b.putScalar(0, g * H + k, bias[k]);
            }
        }
        MinRnnRuntimeLayer r = (MinRnnRuntimeLayer) layer;
        r.rnnSetTBPTTState(Map.of(MinRnnRuntimeLayer.STATE_H,
                Nd4j.create(f.get(pre + "h0").data(), new long[]{MB, H}, 'c').castTo(type)));
        INDArray out = r.rnnActivateUsingStoredState(ncw(f.get(pre + "x").data(), IN, type), true, false, MGR);
        close(ncw(f.get(pre + "h").data(), H, DataType.DOUBLE), out, tol, cell + " h");

        Pair<Gradient, INDArray> back = r.backpropGradient(ncw(f.get(pre + "G").data(), H, type), MGR);
        close(ncw(f.get(pre + "grad.x").data(), IN, DataType.DOUBLE), back.getSecond(), tol, cell + " dx");
        INDArray dw = back.getFirst().getGradientFor(RecurrentParamInitializer.INPUT_WEIGHTS);
        INDArray db = back.getFirst().getGradientFor(RecurrentParamInitializer.BIAS);
        for (int g = 0; g < n; g++) {
            double[] gw = f.get(pre + "grad." + names.get(g) + ".weight").data();
            double[] gb = f.get(pre + "grad." + names.get(g) + ".bias").data();
            for (int k = 0; k < H; k++) {
                assertEquals(gb[k], db.getDouble(0, g * H + k), tol * Math.max(1, Math.abs(gb[k])), cell + " db");
                for (int i = 0; i < IN; i++) {
                    assertEquals(gw[k * IN + i], dw.getDouble(i, g * H + k), tol * Math.max(1, Math.abs(gw[k * IN + i])),
                            cell + " dW " + names.get(g));
                }
            }
        }
    }

    private static void close(INDArray expected, INDArray actual, double tol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double[] e = expected.dup('c').data().asDouble();
        double[] a = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), what + "[" + i + "]");
        }
    }

    static Stream<Arguments> shapes() {
        // Wide enough to split channels; narrow (one long sequence) to split steps in LinearScan's blocked scan.
        return Stream.of(CellType.MIN_GRU, CellType.MIN_LSTM).flatMap(c -> Stream.of(
                Arguments.of(c, 8, 32, 80), Arguments.of(c, 1, 4, 5000)));
    }

    @ParameterizedTest(name = "{0} mb={1} hidden={2} T={3}")
    @MethodSource("shapes")
    void everyWorkerCountGivesTheSamePassAndGradients(CellType cell, int mb, int hidden, int steps) {
        RnnNetwork net = network(spec(cell, DataType.DOUBLE, 3, hidden));
        Layer layer = net.getLayer(0);
        INDArray x = Nd4j.rand(DataType.DOUBLE, mb, 3, steps).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, mb, hidden, steps).subi(0.5);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, mb, steps);
        mask.putScalar(0, steps / 2, 0.0);
        double[] reference = null;
        String before = System.getProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY);
        try {
            for (int workers = 1; workers <= 4; workers++) {
                System.setProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY, Integer.toString(workers));
                layer.setInput(x, MGR);
                layer.setMaskArray(mask);
                INDArray out = layer.activate(true, MGR);
                double[] grads = layer.backpropGradient(eps, MGR).getFirst().gradient().dup().data().asDouble();
                double[] all = concat(out.dup('c').data().asDouble(), grads);
                if (reference == null) {
                    reference = all;
                } else {
                    assertArrayEquals(reference, all, 1e-11, workers + " workers");
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY);
            } else {
                System.setProperty(MinRnnRuntimeLayer.WORKERS_PROPERTY, before);
            }
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Arguments> floatCases() {
        // hidden 20 leaves a tail after whole SIMD vectors; -1 runs back through every step; 24 inputs
        // take the matrix-product path, with one example too (fewer examples than workers)
        int wide = MinRnnVectors.FEW_INPUTS + 8;
        return Stream.of(CellType.MIN_GRU, CellType.MIN_LSTM).flatMap(c -> Stream.of(
                Arguments.of(c, 20, -1, 3, 4), Arguments.of(c, 32, 3, 3, 4),
                Arguments.of(c, 20, -1, wide, 4), Arguments.of(c, 32, 3, wide, 4), Arguments.of(c, 20, 4, wide, 1)));
    }

    @ParameterizedTest(name = "{0} hidden={1} k2={2} in={3} mb={4}")
    @MethodSource("floatCases")
    void theFloat32LanesAgreeWithTheFloat64Pass(CellType cell, int hidden, int backLength, int in, int mb) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Simd.lanes() > 0, "the JVM has no Vector API");
        int steps = 9;
        INDArray x = Nd4j.rand(DataType.DOUBLE, mb, in, steps).subi(0.5).muli(4);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, mb, hidden, steps).subi(0.5);
        INDArray h0 = Nd4j.rand(DataType.DOUBLE, mb, hidden).subi(0.5);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, mb, steps);
        mask.putScalar(Math.min(1, mb - 1), 0, 0.0);
        mask.putScalar(Math.min(2, mb - 1), 5, 0.0);
        double[][] results = new double[2][];
        INDArray params = null;
        for (DataType type : new DataType[]{DataType.DOUBLE, DataType.FLOAT}) {
            Layer layer = network(spec(cell, type, in, hidden)).getLayer(0);
            if (params == null) {
                params = layer.params().dup().addi(Nd4j.rand(DataType.DOUBLE, layer.params().shape()).subi(0.5));
            }
            layer.setParams(params.castTo(type));
            MinRnnRuntimeLayer r = (MinRnnRuntimeLayer) layer;
            r.setTruncatedBackLength(backLength);
            r.rnnSetTBPTTState(Map.of(MinRnnRuntimeLayer.STATE_H, h0.castTo(type)));
            r.setMaskArray(mask.castTo(type));
            INDArray out = r.rnnActivateUsingStoredState(x.castTo(type), true, false, MGR);
            Pair<Gradient, INDArray> back = r.backpropGradient(eps.castTo(type), MGR);
            results[type == DataType.DOUBLE ? 0 : 1] = concat(concat(out.castTo(DataType.DOUBLE).dup('c').data().asDouble(),
                    back.getFirst().gradient().castTo(DataType.DOUBLE).dup('c').data().asDouble()),
                    back.getSecond().castTo(DataType.DOUBLE).dup('c').data().asDouble());
        }
        for (int i = 0; i < results[0].length; i++) {
            assertEquals(results[0][i], results[1][i], 2e-5 * Math.max(1, Math.abs(results[0][i])), "element " + i);
        }
    }

    @Test
    void theLayerHasOnlyInputWeightsAndBiases() {
        RnnNetwork gru = NetworkFactory.create(spec(CellType.MIN_GRU, DataType.FLOAT, 3, 5));
        RnnNetwork lstm = NetworkFactory.create(spec(CellType.MIN_LSTM, DataType.FLOAT, 3, 5));
        assertEquals(List.of("W", "b"), List.copyOf(gru.getLayer(0).paramTable().keySet()));
        assertEquals(2 * 5 * (3 + 1), gru.getLayer(0).numParams());
        assertEquals(3 * 5 * (3 + 1), lstm.getLayer(0).numParams());
        assertEquals(gru.numParams(), io.github.rnnkit.core.spec.ParameterMatch.count(CellType.MIN_GRU, 3, 5, 2));
    }
}
