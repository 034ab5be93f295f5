package io.github.rnnkit.core.diag;

import io.github.rnnkit.core.TestArrays;
import io.github.rnnkit.core.layers.RecurrentParamInitializer;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.Topology;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Why vanilla RNNs forget, measured: gradient norms against distance from the loss. */
class DiagnosticsTest {
    private static final int HIDDEN = 16;
    private static final int STEPS = 40;

    private static ModelSpec spec(CellType cell) {
        return ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(3).setHiddenSizes(HIDDEN)
                .setOutputSize(3).setTask(Task.CLASSIFICATION).optDataType(DataType.DOUBLE).optForgetGateBias(1.0)
                .optSeed(5).build();
    }

    /** A random orthogonal H x H matrix times {@code scale}: every eigenvalue has modulus {@code scale}. */
    private static INDArray scaledOrthogonal(int h, double scale, long seed) {
        Random r = new Random(seed);
        double[][] g = new double[h][h];
        for (double[] row : g) {
            for (int j = 0; j < h; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] q = new QRDecomposition(new Array2DRowRealMatrix(g)).getQ().getData();
        return Nd4j.create(q).muli(scale);
    }

    private static RnnNetwork vanillaWithRadius(double radius) {
        RnnNetwork net = NetworkFactory.create(spec(CellType.SIMPLE_RNN));
        Map<String, INDArray> p = net.getLayer(0).paramTable();
        p.get(RecurrentParamInitializer.RECURRENT_WEIGHTS).assign(scaledOrthogonal(HIDDEN, radius, 1));
        p.get(RecurrentParamInitializer.INPUT_WEIGHTS).muli(0.1);
        return net;
    }

    private static DataSet data() {
        return TestArrays.data(spec(CellType.SIMPLE_RNN), 16, STEPS, false, 3);
    }

    @Test
    void vanillaGradientsFallGeometricallyWithTheRecurrentSpectralRadius() {
        RnnNetwork net = vanillaWithRadius(0.5);
        assertEquals(0.5, SpectralRadius.of(net).get(0).radius()[0], 1e-9);
        double slope = GradientDiagnostics.inputGradientNorms(net, data()).logSlope(1, 25);
        // |d h_T / d h_t| <= (0.5 * max tanh')^(T-t): ln 0.5 = -0.69 per step, a little steeper for tanh' < 1.
        assertTrue(slope < -0.6 && slope > -1.2, "log-slope per step " + slope);
        double stateSlope = GradientDiagnostics.stateGradientNorms(net, data()).get(0).logSlope(1, 25);
        assertTrue(stateSlope < -0.6 && stateSlope > -1.2, "state log-slope " + stateSlope);
    }

    @Test
    void anLstmWithForgetBiasOneKeepsItsGradientFarLonger() {
        double vanilla = GradientDiagnostics.inputGradientNorms(vanillaWithRadius(0.5), data()).logSlope(1, 25);
        RnnNetwork lstm = NetworkFactory.create(spec(CellType.LSTM));
        Map<String, INDArray> p = lstm.getLayer(0).paramTable();
        p.get(RecurrentParamInitializer.INPUT_WEIGHTS).muli(0.1);
        p.get(RecurrentParamInitializer.RECURRENT_WEIGHTS).muli(0.1);
        double slope = GradientDiagnostics.inputGradientNorms(lstm, data()).logSlope(1, 25);
        // The cell state carries the gradient through the forget gate, sigma(1) = 0.73: ln 0.73 = -0.31 per step.
        assertTrue(slope > -0.45, "LSTM log-slope " + slope);
        assertTrue(slope > vanilla + 0.25, "LSTM " + slope + " vs vanilla " + vanilla);
    }

    @Test
    void aRadiusAboveOneLetsGradientsGrow() {
        RnnNetwork net = vanillaWithRadius(1.5);
        net.getLayer(0).paramTable().get(RecurrentParamInitializer.INPUT_WEIGHTS).muli(0.01);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 16, 3, 12).muli(0.01);
        DataSet d = TestArrays.data(spec(CellType.SIMPLE_RNN), 16, 12, false, 3);
        d.setFeatures(x);
        assertTrue(GradientDiagnostics.inputGradientNorms(net, d).logSlope(1, 8) > 0.2, "exploding");
    }

    @Test
    void spectralRadiusOfEveryGateBlock() {
        RnnNetwork gru = NetworkFactory.create(spec(CellType.GRU));
        INDArray rw = gru.getLayer(0).paramTable().get(RecurrentParamInitializer.RECURRENT_WEIGHTS);
        for (int g = 0; g < 3; g++) {
            rw.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(g * HIDDEN,
                    (g + 1) * HIDDEN)).assign(scaledOrthogonal(HIDDEN, 0.25 * (g + 1), g));
        }
        SpectralRadius.LayerRadii r = SpectralRadius.of(gru).get(0);
        assertEquals(List.of("r", "z", "n"), r.gates());
        assertEquals(0.25, r.radius()[0], 1e-9);
        assertEquals(0.5, r.radius()[1], 1e-9);
        assertEquals(0.75, r.radius()[2], 1e-9);
        assertEquals(2.0, SpectralRadius.of(new double[][]{{0, -2}, {2, 0}}), 1e-12, "complex eigenvalues ±2i");
    }

    @Test
    void clippingMonitorRecordsNormsBeforeAndAfterAndHowOftenItFired() {
        ModelSpec clipped = spec(CellType.GRU).toBuilder().optUpdater(UpdaterKind.SGD, 0.1)
                .optClipping(Clipping.parse("l2-per-layer:0.001")).build();
        RnnNetwork net = NetworkFactory.create(clipped);
        ClippingMonitor monitor = new ClippingMonitor();
        net.setListeners(monitor);
        INDArray before = net.params().dup();
        DataSet d = data();
        net.fit(d);
        net.fit(d);
        assertEquals(4, monitor.records().size(), "2 updates x 2 layers");
        assertEquals(1.0, monitor.clippedFraction());
        for (ClippingMonitor.Record r : monitor.records()) {
            assertEquals(0.001, r.after(), 1e-12);
            assertTrue(r.before() > 0.001);
        }
        // With SGD, the step DL4J took is exactly lr * clipped gradient: two steps of norm <= 0.1 * 0.001 per layer.
        double moved = net.params().sub(before).norm2Number().doubleValue();
        assertTrue(moved <= 2 * Math.sqrt(2) * 1e-4 + 1e-12, "moved " + moved);

        RnnNetwork free = NetworkFactory.create(spec(CellType.GRU));
        ClippingMonitor none = new ClippingMonitor();
        free.setListeners(none);
        free.fit(d);
        assertEquals(0.0, none.clippedFraction());
        none.records().forEach(r -> assertEquals(r.before(), r.after()));
    }

    /**
     * Global-norm clipping against its formula: the gradient of the mean loss over all layers,
     * g · min(1, t / ‖g‖), as torch.nn.utils.clip_grad_norm_ and Keras' global_clipnorm; the monitor
     * reports each layer before and after, and SGD steps by exactly lr times the clipped gradient.
     */
    @ParameterizedTest
    @CsvSource({"GRU, 0.001", "LSTM, 0.01", "SIMPLE_RNN, 1e6"})
    void globalNormClippingScalesTheWholeGradient(CellType cell, double threshold) {
        DataSet d = data();
        long batch = d.getFeatures().size(0);
        ModelSpec base = spec(cell).toBuilder().optUpdater(UpdaterKind.SGD, 0.1).optDataType(DataType.DOUBLE).build();
        RnnNetwork free = NetworkFactory.create(base);
        RnnNetwork clipped = NetworkFactory.create(base.toBuilder().optClipping(Clipping.parse("global-l2:" + threshold)).build());
        clipped.setParams(free.params().dup());
        for (RnnNetwork n : new RnnNetwork[]{free, clipped}) {
            n.setInput(d.getFeatures());
            n.setLabels(d.getLabels());
            n.setLayerMaskArrays(d.getFeaturesMaskArray(), d.getLabelsMaskArray());
            n.computeGradientAndScore();
        }
        INDArray g = free.gradient().gradient().dup();
        double meanNorm = g.norm2Number().doubleValue() / batch;
        double factor = Math.min(1, threshold / meanNorm);
        assertTrue(clipped.gradient().gradient().equalsWithEps(g.mul(factor), 1e-12 * Math.max(1, meanNorm * batch)));
        assertEquals(factor, clipped.globalClipScale(), 1e-12);
        assertEquals(threshold < meanNorm, factor < 1, "the small thresholds clip, 1e6 does not");

        RnnNetwork fitted = NetworkFactory.create(base.toBuilder().optClipping(Clipping.globalL2(threshold)).build());
        fitted.setParams(free.params().dup());
        ClippingMonitor monitor = new ClippingMonitor();
        fitted.setListeners(monitor);
        INDArray before = fitted.params().dup();
        fitted.fit(d);
        double beforeSq = 0;
        double afterSq = 0;
        for (ClippingMonitor.Record r : monitor.records()) {
            beforeSq += r.before() * r.before();
            afterSq += r.after() * r.after();
            assertEquals(factor < 1, r.clipped());
        }
        assertEquals(meanNorm, Math.sqrt(beforeSq), 1e-9 * meanNorm, "the monitor sees the gradient before clipping");
        assertEquals(Math.min(threshold, meanNorm), Math.sqrt(afterSq), 1e-9 * meanNorm);
        double moved = fitted.params().sub(before).norm2Number().doubleValue();
        assertEquals(0.1 * Math.min(threshold, meanNorm), moved, 1e-9 * Math.max(1e-9, moved), "SGD steps lr x clipped mean gradient");
    }

    @Test
    void globalClippingParsesAndRoundTrips() {
        Clipping c = Clipping.parse("global-l2:2.5");
        assertTrue(c.global() && c.enabled());
        assertEquals(2.5, c.threshold());
        assertEquals(org.deeplearning4j.nn.conf.GradientNormalization.None, c.mode(), "DL4J's own clipping stays off");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Clipping.parse("global-l2"));
        assertTrue(e.getMessage().contains("needs a threshold, e.g. global-l2:1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Clipping(
                org.deeplearning4j.nn.conf.GradientNormalization.ClipL2PerLayer, 1, true));
    }

    @Test
    void elementwiseClippingNormByHand() {
        INDArray g = Nd4j.create(new double[]{3, -4, 0.5});
        assertEquals(Math.sqrt(1 + 1 + 0.25), ClippingMonitor.clippedNorm(List.of(g), 5.0,
                org.deeplearning4j.nn.conf.GradientNormalization.ClipElementWiseAbsoluteValue, 1.0), 1e-12);
        assertEquals(Math.sqrt(2), ClippingMonitor.clippedNorm(List.of(g, g), 7.07,
                org.deeplearning4j.nn.conf.GradientNormalization.RenormalizeL2PerParamType, 1.0), 1e-12);
    }
}
