package io.github.rnnkit.core.net;

import io.github.rnnkit.core.TestArrays;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's gradient check on every cell × topology network, as DL4J's own LSTMGradientCheckTests
 * do: double precision, no updater, tiny sizes (input 2, layers of 3 and 2, 4 steps, minibatch 3),
 * epsilon 1e-6, maximum relative error 1e-3; with and without masks, stacked and not, and the
 * edge cases of one step and one example; then a save/load round trip of the checked network.
 */
class GradientCheckTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (Topology topology : Topology.values()) {
                for (int[] hidden : new int[][]{{3}, {3, 2}}) {
                    for (boolean masked : new boolean[]{false, true}) {
                        cases.add(Arguments.of(cell, topology, hidden, masked, 3, 4, false));
                    }
                }
                cases.add(Arguments.of(cell, topology, new int[]{3}, false, 1, 1, false));
                cases.add(Arguments.of(cell, topology, new int[]{2}, true, 1, 5, false));
            }
            cases.add(Arguments.of(cell, Topology.MANY_TO_MANY, new int[]{3, 2}, true, 3, 4, true));
            cases.add(Arguments.of(cell, Topology.MANY_TO_ONE, new int[]{3}, false, 2, 4, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} hidden={2} masked={3} mb={4} T={5} bidirectional={6}")
    @MethodSource("networks")
    void gradientsMatchFiniteDifferences(CellType cell, Topology topology, int[] hidden, boolean masked, int mb,
                                         int steps, boolean bidirectional) throws Exception {
        Task task = topology == Topology.MANY_TO_MANY ? Task.REGRESSION : Task.CLASSIFICATION;
        ModelSpec.Builder b = ModelSpec.builder().setCell(cell).setTopology(topology).setInputSize(2)
                .setHiddenSizes(hidden).setOutputSize(3).setTask(task).optBidirectional(bidirectional)
                .optUpdater(UpdaterKind.NOOP, 1.0).optDataType(DataType.DOUBLE).optSeed(12345)
                .optForgetGateBias(0.5);
        if (topology == Topology.SEQ2SEQ) {
            b.optHorizon(3);
        }
        ModelSpec spec = b.build();
        RnnNetwork net = NetworkFactory.create(spec);
        DataSet data = TestArrays.data(spec, mb, steps, masked, 7);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(data.getFeatures()).labels(data.getLabels())
                .inputMask(data.getFeaturesMaskArray()).labelMask(data.getLabelsMaskArray())
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).exitOnFirstError(false));
        assertTrue(ok, "gradient check failed for " + spec);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(net.params(), loaded.params());
        assertEquals(net.output(data.getFeatures(), false, data.getFeaturesMaskArray(), null),
                loaded.output(data.getFeatures(), false, data.getFeaturesMaskArray(), null));
    }
}
