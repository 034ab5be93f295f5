package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float32 networks run their own kernel loops (float buffers, rational tanh), in SIMD lanes
 * ({@link VectorGates}) when the Vector API module is there and scalar otherwise; the float64 ones
 * are the gradient-checked reference. All must give the same outputs and gradients to float32
 * accuracy on the same weights.
 */
class PrecisionAgreementTest {
    @ParameterizedTest(name = "{0} {1} simd={2}")
    @CsvSource({"SIMPLE_RNN,TANH,true", "SIMPLE_RNN,RELU,true", "LSTM,TANH,true", "GRU,TANH,true",
            "SIMPLE_RNN,TANH,false", "SIMPLE_RNN,RELU,false", "LSTM,TANH,false", "GRU,TANH,false"})
    void float32AgreesWithFloat64(CellType cell, RnnActivation activation, boolean simd) {
        boolean before = Simd.enabled;
        try {
            if (simd) {
                assertTrue(Simd.lanes() > 0, "run the tests with --add-modules jdk.incubator.vector (as the build does)");
            }
            Simd.enabled = simd;
            // 32 units: whole vectors at 4, 8 or 16 lanes, so the SIMD loops run when enabled.
            assertEquals(simd, Simd.covers(32));
            compare(cell, activation);
        } finally {
            Simd.enabled = before;
        }
    }

    private static void compare(CellType cell, RnnActivation activation) {
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_MANY).setInputSize(3)
                .setHiddenSizes(32).setOutputSize(2).setTask(Task.REGRESSION).optActivation(activation)
                .optDataType(DataType.DOUBLE).optSeed(3).build();
        RnnNetwork reference = NetworkFactory.create(spec);
        // Random biases too: the initial ones are zero and would hide a lost bias term.
        reference.setParams(Nd4j.rand(DataType.DOUBLE, 1, reference.numParams()).subi(0.5));
        RnnNetwork single = NetworkFactory.create(spec.toBuilder().optDataType(DataType.FLOAT).build());
        single.setParams(reference.params().castTo(DataType.FLOAT));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 3, 12).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 4, 2, 12);

        INDArray outDouble = reference.output(x);
        INDArray outFloat = single.output(x.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
        // Relative to the largest output: ReLU outputs are unbounded, float32 keeps about 7 digits.
        double outError = outDouble.sub(outFloat).amaxNumber().doubleValue()
                / Math.max(1.0, outDouble.amaxNumber().doubleValue());
        assertTrue(outError < 1e-5, "largest output difference relative to the largest output " + outError);

        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        single.setInput(x.castTo(DataType.FLOAT));
        single.setLabels(y.castTo(DataType.FLOAT));
        single.computeGradientAndScore();
        INDArray gDouble = reference.gradient().gradient();
        INDArray gFloat = single.gradient().gradient().castTo(DataType.DOUBLE);
        double scale = gDouble.amaxNumber().doubleValue();
        double gradError = gDouble.sub(gFloat).amaxNumber().doubleValue() / scale;
        assertTrue(gradError < 1e-4, "largest gradient difference relative to the largest gradient " + gradError);
    }
}
