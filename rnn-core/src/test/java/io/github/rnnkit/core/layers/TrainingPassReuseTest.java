package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The backward pass reuses the training forward pass DL4J runs just before it, and only when
 * nothing it was computed from has changed since.
 */
class TrainingPassReuseTest {
    private static final LayerWorkspaceMgr MGR = LayerWorkspaceMgr.noWorkspaces();

    private static Layer layer(CellType cell) {
        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_MANY)
                .setInputSize(2).setHiddenSizes(4).setOutputSize(1).setTask(Task.REGRESSION)
                .optDataType(DataType.DOUBLE).optSeed(5).build());
        net.initGradientsView();
        return net.getLayer(0);
    }

    private static double[] backward(Layer layer, INDArray eps) {
        return layer.backpropGradient(eps, MGR).getFirst().gradient().dup().data().asDouble();
    }

    private static long passes(Layer layer) {
        return ((SegmentedRecurrentLayer<?, ?>) layer).forwardPasses();
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void parametersChangedAfterTheForwardPassAreNotIgnored(CellType cell) {
        Layer layer = layer(cell);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 6);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, 3, 4, 6);

        layer.setInput(x, MGR);
        layer.activate(true, MGR);
        long passes = passes(layer);
        double[] reused = backward(layer, eps);
        assertEquals(passes, passes(layer), "backward ran no forward pass of its own");
        layer.setInput(x, MGR);
        double[] fresh = backward(layer, eps);
        assertArrayEquals(fresh, reused, 0.0, "a reused forward pass gives the gradient of a fresh one");

        layer.setInput(x, MGR);
        layer.activate(true, MGR);
        layer.getParam(RecurrentParamInitializer.INPUT_WEIGHTS).addi(0.25);
        double[] afterChange = backward(layer, eps);
        layer.setInput(x, MGR);
        double[] expected = backward(layer, eps);
        assertArrayEquals(expected, afterChange, 0.0, "the backward pass sees the changed weights");
        assertEquals(false, java.util.Arrays.equals(fresh, expected), "the change matters to the gradient");

        INDArray other = Nd4j.rand(DataType.DOUBLE, 3, 2, 6);
        layer.setInput(x, MGR);
        layer.activate(true, MGR);
        layer.setInput(other, MGR);
        double[] otherInput = backward(layer, eps);
        layer.setInput(other, MGR);
        assertArrayEquals(backward(layer, eps), otherInput, 0.0, "a new input is not answered from the old pass");
    }
}
