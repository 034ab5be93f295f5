package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's gradient check on the encoder-decoder in double precision, for every cell × attention,
 * one and two layers, with uneven source and target lengths (masks), and a save/load round trip
 * that must give the same outputs.
 */
class EncoderDecoderGradientTest {
    private static final int FS = 2;
    private static final int FT = 3;
    private static final int S = 4;
    private static final int T = 3;
    private static final int MB = 3;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static Stream<Arguments> models() {
        List<Arguments> cases = new ArrayList<>();
        for (CellType cell : CellType.CLASSIC) {
            for (AttentionKind attention : AttentionKind.values()) {
                cases.add(Arguments.of(cell, attention, 1, true));
                cases.add(Arguments.of(cell, attention, 2, false));
            }
        }
        return cases.stream();
    }

    static MultiLayerNetwork network(CellType cell, AttentionKind attention, int layers, int hidden, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new EncoderDecoderLayer.Builder().cell(cell).layers(layers).sourceFeatures(FS).targetFeatures(FT)
                        .sourceSteps(S).attention(attention).attentionSize(2).nOut(hidden).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(hidden).nOut(FT).build())
                .build());
        net.init();
        // biases start at 0, which would hide a dropped bias gradient
        net.setParams(net.params().addi(Nd4j.rand(DataType.DOUBLE, net.params().shape()).subi(0.5).muli(0.4)));
        return net;
    }

    @ParameterizedTest(name = "{0} {1} layers={2} masked={3}")
    @MethodSource("models")
    void gradientsMatchFiniteDifferences(CellType cell, AttentionKind attention, int layers, boolean masked) throws Exception {
        Nd4j.getRandom().setSeed(7);
        MultiLayerNetwork net = network(cell, attention, layers, 3, 12345);
        INDArray source = Nd4j.rand(DataType.DOUBLE, MB, FS, S).subi(0.5).muli(2);
        INDArray target = Nd4j.zeros(DataType.DOUBLE, MB, FT, T);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, MB, FT, T);
        for (int e = 0; e < MB; e++) {
            for (int t = 0; t < T; t++) {
                labels.putScalar(e, (e + 2 * t) % FT, t, 1.0);
                target.putScalar(e, (e + t) % FT, t, 1.0);
            }
        }
        INDArray mask = null;
        INDArray labelMask = null;
        if (masked) {
            mask = Nd4j.ones(DataType.DOUBLE, MB, S + T);
            labelMask = Nd4j.ones(DataType.DOUBLE, MB, T);
            mask.putScalar(1, S - 1, 0.0);          // a source one step shorter
            mask.putScalar(2, 0, 0.0);              // padding before the source
            mask.putScalar(2, S + T - 1, 0.0);      // a target one step shorter
            labelMask.putScalar(2, T - 1, 0.0);
        }
        INDArray x = Seq2SeqArrays.pack(source, target);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(labels)
                .inputMask(mask).labelMask(labelMask).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .exitOnFirstError(false));
        assertTrue(ok, "gradient check failed for " + cell + " " + attention + " layers=" + layers);

        net.setLayerMaskArrays(mask, labelMask);
        INDArray before = net.output(x, false, mask, labelMask);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(before, loaded.output(x, false, mask, labelMask));
    }
}
