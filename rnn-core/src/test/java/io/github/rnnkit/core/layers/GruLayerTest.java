package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GruLayerTest {
    private static ModelSpec spec() {
        return ModelSpec.builder().setCell(CellType.GRU).setTopology(Topology.MANY_TO_MANY).setInputSize(2)
                .setHiddenSizes(3).setOutputSize(2).setTask(Task.REGRESSION).optDataType(DataType.DOUBLE).build();
    }

    @Test
    void jsonConfigurationRoundTrip() {
        MultiLayerConfiguration conf = NetworkFactory.configuration(spec());
        String json = conf.toJson();
        assertTrue(json.contains("GruLayer"), json);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        assertInstanceOf(GruLayer.class, back.getConf(0).getLayer());
        MultiLayerNetwork a = new MultiLayerNetwork(conf);
        a.init();
        MultiLayerNetwork b = new MultiLayerNetwork(back);
        b.init(a.params().dup(), false);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 5);
        assertEquals(a.output(x), b.output(x));
    }

    @Test
    void lstmForgetGateBiasSurvivesJson() {
        ModelSpec lstm = spec().toBuilder().setCell(CellType.LSTM).optForgetGateBias(2.5).build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(NetworkFactory.configuration(lstm).toJson());
        assertEquals(2.5, ((LstmLayer) back.getConf(0).getLayer()).getForgetGateBias());
    }

    /** One GRU step by hand: all weights 0.1, biases 0, input (1, 2), zero state. */
    @Test
    void oneStepWorkedOutByHand() {
        RnnNetwork net = NetworkFactory.create(spec());
        Map<String, INDArray> p = net.getLayer(0).paramTable();
        p.get(RecurrentParamInitializer.INPUT_WEIGHTS).assign(0.1);
        p.get(RecurrentParamInitializer.RECURRENT_WEIGHTS).assign(0.1);
        p.get(RecurrentParamInitializer.BIAS).assign(0.0);
        p.get(RecurrentParamInitializer.GRU_RECURRENT_BIAS).assign(0.0);
        INDArray h = net.feedForward(Nd4j.create(new double[][][]{{{1}, {2}}}), false).get(1);
        // x·w = 0.1 + 0.2 = 0.3 for every gate; h = 0 so r·(h RW_n) = 0
        double z = 1 / (1 + Math.exp(-0.3));
        double n = Math.tanh(0.3);
        double expected = (1 - z) * n;
        for (int k = 0; k < 3; k++) {
            assertEquals(expected, h.getDouble(0, k, 0), 1e-12);
        }
    }

    @Test
    void parametersAreViewsOfTheFlatParameterVector() {
        RnnNetwork net = NetworkFactory.create(spec());
        net.getLayer(0).paramTable().get(RecurrentParamInitializer.GRU_RECURRENT_BIAS).assign(7.0);
        assertEquals(3, net.params().eq(7.0).castTo(DataType.INT32).sumNumber().intValue());
        assertEquals(2 * 9 + 3 * 9 + 9 + 3, net.getLayer(0).numParams());
    }
}
