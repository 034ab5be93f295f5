package io.github.rnnkit.core.stream;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingPredictorTest {

    static Stream<Arguments> streamable() {
        return Stream.of(CellType.values()).flatMap(c -> Stream.of(
                Arguments.of(c, Topology.MANY_TO_ONE), Arguments.of(c, Topology.MANY_TO_MANY)));
    }

    private static ModelSpec spec(CellType cell, Topology topology) {
        return ModelSpec.builder().setCell(cell).setTopology(topology).setInputSize(3).setHiddenSizes(8, 5)
                .setOutputSize(4).setTask(topology == Topology.MANY_TO_ONE ? Task.CLASSIFICATION : Task.REGRESSION)
                .optSeed(9).build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streamable")
    void stepByStepEqualsTheFullSequenceForwardPass(CellType cell, Topology topology) {
        RnnNetwork net = NetworkFactory.create(spec(cell, topology));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 12).subi(0.5);
        INDArray full = net.output(x);
        StreamingPredictor p = StreamingPredictor.of(net);
        for (int round = 0; round < 2; round++) {
            double worst = 0;
            for (int t = 0; t < 12; t++) {
                INDArray out = p.step(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)));
                INDArray expected = full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
                worst = Math.max(worst, out.sub(expected).amaxNumber().doubleValue());
            }
            assertTrue(worst <= 1e-6, "max abs difference " + worst + " in round " + round);
            p.reset();
        }
    }

    /**
     * One sequence streams outside DL4J (plain arrays, its own state): each step equals the full
     * forward pass at that step, through both step methods, for every cell and topology, a ReLU
     * vanilla RNN and dropout (off at inference) included, and again after a reset.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streamable")
    void oneSequenceOutsideDl4jEqualsTheFullPass(CellType cell, Topology topology) {
        ModelSpec.Builder b = spec(cell, topology).toBuilder().optDropout(0.3);
        if (cell == CellType.SIMPLE_RNN && topology == Topology.MANY_TO_MANY) {
            b.optActivation(io.github.rnnkit.core.spec.RnnActivation.RELU);
        }
        RnnNetwork net = NetworkFactory.create(b.build());
        // every parameter non-zero (biases start at zero, which would hide a dropped bias)
        net.setParams(Nd4j.rand(DataType.FLOAT, 1, net.numParams()).subi(0.5));
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 15).subi(0.5).muli(3);
        INDArray full = net.output(x);
        StreamingPredictor p = StreamingPredictor.of(net);
        for (int round = 0; round < 2; round++) {
            double worst = 0;
            for (int t = 0; t < 15; t++) {
                INDArray step = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
                double[] out = t % 2 == 0 ? p.step(step.toDoubleVector()) : p.step(step).toDoubleVector();
                double[] expected = full.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t)).toDoubleVector();
                for (int k = 0; k < out.length; k++) {
                    worst = Math.max(worst, Math.abs(out[k] - expected[k]));
                }
            }
            assertTrue(worst <= 1e-5, "max abs difference " + worst + " in round " + round);
            p.reset();
        }
    }

    @Test
    void singleSequenceStepsAndMinibatchChecks() {
        RnnNetwork net = NetworkFactory.create(spec(CellType.GRU, Topology.MANY_TO_ONE));
        StreamingPredictor p = StreamingPredictor.of(net);
        double[] probabilities = p.step(0.1, -0.2, 0.3);
        assertEquals(4, probabilities.length);
        assertEquals(1.0, java.util.Arrays.stream(probabilities).sum(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> p.step(Nd4j.rand(DataType.FLOAT, 2, 3)));
    }

    @Test
    void bidirectionalAndSeq2seqNetworksCannotStream() {
        ModelSpec bidi = spec(CellType.LSTM, Topology.MANY_TO_MANY).toBuilder().optBidirectional(true).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamingPredictor.of(NetworkFactory.create(bidi)))
                .getMessage().contains("bidirectional"));
        ModelSpec s2s = spec(CellType.GRU, Topology.MANY_TO_ONE).toBuilder().setSeq2seq(3).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamingPredictor.of(NetworkFactory.create(s2s)))
                .getMessage().contains("seq2seq"));
    }
}
