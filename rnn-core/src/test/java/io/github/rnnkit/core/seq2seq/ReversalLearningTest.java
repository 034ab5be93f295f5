package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.synth.SymbolSequences;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on a small task: a GRU encoder-decoder with Bahdanau attention, trained teacher-forced
 * through DL4J's own fit, learns to reverse sequences of 2 to 4 symbols, judged by greedy decoding
 * of unseen sequences up to the end symbol (whole-sequence accuracy; guessing gets about 1 %).
 */
class ReversalLearningTest {
    private static final int V = 4;
    private static final int MAX = 4;

    @Test
    void aSmallModelLearnsToReverse() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.FLOAT).updater(new Adam(0.02)).weightInit(WeightInit.XAVIER).list()
                .layer(new EncoderDecoderLayer.Builder().cell(CellType.GRU).sourceFeatures(V).targetFeatures(V + 2)
                        .sourceSteps(MAX).attention(AttentionKind.BAHDANAU).nOut(16).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(16).nOut(V + 2).build())
                .build());
        net.init();
        SymbolSequences train = SymbolSequences.generate(SymbolSequences.Kind.REVERSE, 512, 2, MAX, V, 1);
        List<DataSet> batches = SymbolBatch.of(train.sources(), train.targets(), V, MAX).batchBy(32);
        for (int epoch = 0; epoch < 40; epoch++) {
            for (DataSet b : batches) {
                net.fit(b);
            }
        }
        SymbolSequences test = SymbolSequences.generate(SymbolSequences.Kind.REVERSE, 200, 2, MAX, V, 2);
        INDArray source = Nd4j.zeros(DataType.FLOAT, 200, V, MAX);
        INDArray sourceMask = Nd4j.zeros(DataType.FLOAT, 200, MAX);
        for (int e = 0; e < 200; e++) {
            for (int t = 0; t < test.sources()[e].length; t++) {
                source.putScalar(e, test.sources()[e][t], t, 1.0);
                sourceMask.putScalar(e, t, 1.0);
            }
        }
        double[] start = new double[V + 2];
        start[SymbolBatch.start(V)] = 1;
        Seq2SeqDecoder.Decoded d = Seq2SeqDecoder.of(net).greedy(source, sourceMask, start, MAX + 1, SymbolBatch.end(V));
        int exact = 0;
        for (int e = 0; e < 200; e++) {
            int[] want = test.targets()[e];
            boolean ok = d.lengths()[e] == want.length + 1;
            for (int t = 0; ok && t < want.length; t++) {
                ok = Seq2SeqDecoder.argmax(d.outputs()[e][t]) == want[t];
            }
            exact += ok ? 1 : 0;
        }
        assertTrue(exact >= 180, "reversed exactly " + exact + " of 200");
    }
}
