package io.github.rnnkit.core.spec;

import io.github.rnnkit.data.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSpecTest {
    private static ModelSpec.Builder valid() {
        return ModelSpec.builder().setCell(CellType.LSTM).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(8).setOutputSize(3).setTask(Task.CLASSIFICATION);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.setHiddenSizes(8, 0), "hidden size of layer 2 is 0"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.optHorizon(5), "needs the SEQ2SEQ topology"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.optBidirectional(true).optTbptt(10, 10),
                        "bidirectional layers cannot train with truncated BPTT"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.setSeq2seq(3).optTbptt(10, 10),
                        "truncated BPTT is not available for SEQ2SEQ"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.setInputSize(0), "input size must be at least 1"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.setOutputSize(1), "classification needs at least 2 classes"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.optDropout(1.0), "dropout must be in [0, 1)"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.optActivation(RnnActivation.RELU),
                        "applies to SIMPLE_RNN only"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.optUpdater(UpdaterKind.ADAM, 0), "learning rate"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.setHiddenSizes(), "give at least one hidden size"),
                Arguments.of((UnaryOperator<ModelSpec.Builder>) b -> b.setCell(null), "set a cell"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidSpecsSayWhatToChange(UnaryOperator<ModelSpec.Builder> change, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(valid()).build());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void tbpttLengthsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> valid().optTbptt(10, 20).build())
                .getMessage().contains("backward length 20 must be between 1 and the forward length 10"));
    }

    @Test
    void clippingParsesEveryMode() {
        assertEquals(org.deeplearning4j.nn.conf.GradientNormalization.ClipL2PerLayer, Clipping.parse("l2-per-layer:1.5").mode());
        assertEquals(1.5, Clipping.parse("l2-per-layer:1.5").threshold());
        assertEquals(org.deeplearning4j.nn.conf.GradientNormalization.RenormalizeL2PerParamType,
                Clipping.parse("renormalize-l2-per-param-type").mode());
        assertThrows(IllegalArgumentException.class, () -> Clipping.parse("elementwise"));
        assertThrows(IllegalArgumentException.class, () -> Clipping.parse("l2-per-layer:-1"));
        assertThrows(IllegalArgumentException.class, () -> Clipping.parse("global:1"));
    }

    @Test
    void toBuilderKeepsEverything() {
        ModelSpec s = valid().optTbptt(20, 10).optDropout(0.2).optSeed(7).build();
        assertEquals(s, s.toBuilder().build());
    }
}
