package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.TestArrays;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rnnkit's output layer against DL4J's on the same configuration, parameters and data: the same
 * outputs, score and gradients, with and without masks, for classification and regression.
 */
class TimeMajorOutputLayerTest {
    // Batches of 4 keep few runs of consecutive rows (read as views); 40 uneven lengths make more
    // runs than the layer reads one by one (it gathers them from one copy), 40 even ones one run;
    // 2,500 x 6 steps is more work than the plain-array route takes (DL4J's ops).
    @ParameterizedTest(name = "{0} {1} {2} masked={3} batch={4}")
    @CsvSource({"LSTM,MANY_TO_ONE,CLASSIFICATION,false,4", "LSTM,MANY_TO_ONE,CLASSIFICATION,true,4",
            "GRU,MANY_TO_MANY,REGRESSION,false,4", "SIMPLE_RNN,MANY_TO_MANY,REGRESSION,true,4",
            "GRU,MANY_TO_MANY,CLASSIFICATION,true,4", "SIMPLE_RNN,SEQ2SEQ,REGRESSION,false,4",
            "GRU,MANY_TO_ONE,CLASSIFICATION,true,40", "SIMPLE_RNN,MANY_TO_ONE,REGRESSION,false,40",
            "LSTM,MANY_TO_MANY,CLASSIFICATION,true,40", "SIMPLE_RNN,MANY_TO_MANY,REGRESSION,false,2500",
            "GRU,MANY_TO_MANY,CLASSIFICATION,true,2500"})
    void agreesWithDl4jsRnnOutputLayer(CellType cell, Topology topology, Task task, boolean masked, int batch) {
        agrees(cell, topology, task, masked, batch, DataType.DOUBLE, 1e-12);
    }

    // float32 arrays are read and written through their buffers' memory, not ND4J's ops
    @ParameterizedTest(name = "{0} {1} {2} masked={3} batch={4}")
    @CsvSource({"GRU,MANY_TO_ONE,CLASSIFICATION,false,40", "LSTM,MANY_TO_ONE,CLASSIFICATION,true,40",
            "SIMPLE_RNN,MANY_TO_MANY,REGRESSION,true,4", "GRU,SEQ2SEQ,REGRESSION,false,4"})
    void agreesInFloat32(CellType cell, Topology topology, Task task, boolean masked, int batch) {
        agrees(cell, topology, task, masked, batch, DataType.FLOAT, 2e-5);
    }

    private static void agrees(CellType cell, Topology topology, Task task, boolean masked, int batch, DataType type,
                               double eps) {
        ModelSpec.Builder b = ModelSpec.builder().setCell(cell).setTopology(topology).setInputSize(2).setHiddenSizes(5)
                .setOutputSize(3).setTask(task).optDataType(type).optSeed(5);
        if (topology == Topology.SEQ2SEQ) {
            b.optHorizon(3);
        }
        ModelSpec spec = b.build();
        MultiLayerConfiguration conf = NetworkFactory.configuration(spec);
        RnnNetwork fast = new RnnNetwork(conf.clone());
        fast.init();
        MultiLayerNetwork dl4j = new MultiLayerNetwork(conf.clone());
        dl4j.init(fast.params().dup(), false);
        assertInstanceOf(TimeMajorOutputLayer.class, fast.getOutputLayer());
        assertEquals(org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer.class, dl4j.getOutputLayer().getClass());

        DataSet data = TestArrays.data(spec, batch, 6, masked, 11);
        INDArray outFast = fast.output(data.getFeatures(), false, data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        INDArray outDl4j = dl4j.output(data.getFeatures(), false, data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        assertTrue(outFast.equalsWithEps(outDl4j, eps), "outputs differ");

        for (MultiLayerNetwork net : new MultiLayerNetwork[]{fast, dl4j}) {
            net.setInput(data.getFeatures());
            net.setLabels(data.getLabels());
            net.setLayerMaskArrays(data.getFeaturesMaskArray(), data.getLabelsMaskArray());
            net.computeGradientAndScore();
        }
        assertEquals(dl4j.score(), fast.score(), eps);
        assertTrue(fast.gradient().gradient().equalsWithEps(dl4j.gradient().gradient(), eps), "gradients differ");
    }
}
