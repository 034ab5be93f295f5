package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding step by step: with the decoder's inputs given it equals the network's teacher-forced
 * pass; greedy decoding equals that pass fed its own predictions; a saved and loaded network
 * decodes the same; an end symbol ends an example.
 */
class Seq2SeqDecoderTest {
    private static final int MB = 3;
    private static final int S = 4;
    private static final int T = 3;
    private static final int FT = 3;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        for (CellType c : CellType.CLASSIC) {
            for (AttentionKind a : AttentionKind.values()) {
                out.add(Arguments.of(c, a, c == CellType.LSTM ? 2 : 1));
            }
        }
        return out.stream();
    }

    private static INDArray source() {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.rand(DataType.DOUBLE, MB, 2, S).subi(0.5).muli(2);
    }

    private static INDArray oneHots(int[][] symbols) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, MB, FT, symbols[0].length);
        for (int e = 0; e < MB; e++) {
            for (int t = 0; t < symbols[e].length; t++) {
                y.putScalar(e, symbols[e][t], t, 1.0);
            }
        }
        return y;
    }

    @ParameterizedTest(name = "{0} {1} layers={2}")
    @MethodSource("models")
    void forcedDecodingEqualsTheTeacherForcedPass(CellType cell, AttentionKind attention, int layers) {
        MultiLayerNetwork net = EncoderDecoderGradientTest.network(cell, attention, layers, 4, 5);
        INDArray source = source();
        INDArray y = oneHots(new int[][]{{0, 1, 2}, {2, 2, 0}, {1, 0, 1}});
        INDArray sourceMask = Nd4j.ones(DataType.DOUBLE, MB, S);
        sourceMask.putScalar(1, S - 1, 0.0);
        INDArray mask = Nd4j.hstack(sourceMask, Nd4j.ones(DataType.DOUBLE, MB, T));
        INDArray expected = net.output(Seq2SeqArrays.pack(source, y), false, mask, null);   // [mb, K, T]
        Seq2SeqDecoder.Decoded d = Seq2SeqDecoder.of(net).forced(source, sourceMask, y);
        for (int e = 0; e < MB; e++) {
            for (int t = 0; t < T; t++) {
                for (int k = 0; k < FT; k++) {
                    assertEquals(expected.getDouble(e, k, t), d.outputs()[e][t][k], 1e-12, "example " + e + " step " + t);
                }
            }
        }
        assertEquals(attention == AttentionKind.NONE, d.attention() == null);
        if (d.attention() != null) {
            assertEquals(0.0, d.attention()[1][0][S - 1], "a padded source step gets no attention");
            assertEquals(1.0, java.util.Arrays.stream(d.attention()[0][2]).sum(), 1e-12);
        }
    }

    @ParameterizedTest(name = "{0} {1} layers={2}")
    @MethodSource("models")
    void greedyDecodingIsTheForcedPassFedItsOwnPredictions(CellType cell, AttentionKind attention, int layers) throws Exception {
        MultiLayerNetwork net = EncoderDecoderGradientTest.network(cell, attention, layers, 4, 9);
        INDArray source = source();
        double[] start = {1, 0, 0};
        Seq2SeqDecoder.Decoded greedy = Seq2SeqDecoder.of(net).greedy(source, null, start, 5, -1);
        int[][] inputs = new int[MB][5];
        for (int e = 0; e < MB; e++) {
            for (int t = 1; t < 5; t++) {
                inputs[e][t] = Seq2SeqDecoder.argmax(greedy.outputs()[e][t - 1]);
            }
        }
        Seq2SeqDecoder.Decoded forced = Seq2SeqDecoder.of(net).forced(source, null, oneHots(inputs));
        for (int e = 0; e < MB; e++) {
            for (int t = 0; t < 5; t++) {
                assertArrayEquals(forced.outputs()[e][t], greedy.outputs()[e][t], 1e-12);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));
        Seq2SeqDecoder.Decoded again = Seq2SeqDecoder.of(loaded).greedy(source, null, start, 5, -1);
        for (int e = 0; e < MB; e++) {
            for (int t = 0; t < 5; t++) {
                assertArrayEquals(greedy.outputs()[e][t], again.outputs()[e][t], 0.0, "saved and loaded");
            }
        }
    }

    @Test
    void anEndSymbolEndsAnExampleAndBadRequestsAreRefused() {
        MultiLayerNetwork net = EncoderDecoderGradientTest.network(CellType.GRU, AttentionKind.BAHDANAU, 1, 4, 11);
        Seq2SeqDecoder decoder = Seq2SeqDecoder.of(net);
        INDArray source = source();
        Seq2SeqDecoder.Decoded free = decoder.greedy(source, null, new double[]{1, 0, 0}, 6, -1);
        int end = Seq2SeqDecoder.argmax(free.outputs()[0][0]);   // example 0's first prediction
        Seq2SeqDecoder.Decoded ended = decoder.greedy(source, null, new double[]{1, 0, 0}, 6, end);
        assertEquals(1, ended.lengths()[0]);
        for (int e = 0; e < MB; e++) {
            assertEquals(ended.lengths()[e], ended.outputs()[e].length);
            assertEquals(ended.lengths()[e], ended.attention()[e].length);
            assertTrue(ended.lengths()[e] >= 1 && ended.lengths()[e] <= 6);
        }
        assertThrows(IllegalArgumentException.class, () -> decoder.greedy(source, null, new double[]{1, 0}, 6, -1));
        assertThrows(IllegalArgumentException.class, () -> decoder.greedy(source, null, new double[]{1, 0, 0}, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> decoder.greedy(source, null, new double[]{1, 0, 0}, 6, FT));
    }

    /** @return log P(symbols) under forced decoding from {@code start}, for example {@code e} */
    private static double logProb(Seq2SeqDecoder decoder, INDArray source, int e, int start, int[] symbols) {
        INDArray one = source.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(e, e + 1),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, FT, symbols.length);
        for (int t = 0; t < symbols.length; t++) {
            y.putScalar(0, t == 0 ? start : symbols[t - 1], t, 1.0);
        }
        Seq2SeqDecoder.Decoded d = decoder.forced(one, null, y);
        double sum = 0;
        for (int t = 0; t < symbols.length; t++) {
            sum += Math.log(d.outputs()[0][t][symbols[t]]);
        }
        return sum;
    }

    @ParameterizedTest(name = "{0} {1} layers={2}")
    @MethodSource("models")
    void beamSearchWideEnoughIsExhaustiveAndWidthOneIsGreedy(CellType cell, AttentionKind attention, int layers) {
        MultiLayerNetwork net = EncoderDecoderGradientTest.network(cell, attention, layers, 4, 13);
        Seq2SeqDecoder decoder = Seq2SeqDecoder.of(net);
        INDArray source = source();
        // 3 classes, 3 steps, no end symbol: width 27 keeps every sequence, so its best is the true best
        java.util.List<java.util.List<Seq2SeqDecoder.Beam>> all = decoder.beam(source, null, 0, 3, -1, 27);
        for (int e = 0; e < MB; e++) {
            double best = Double.NEGATIVE_INFINITY;
            int[] bestSeq = null;
            for (int code = 0; code < 27; code++) {
                int[] seq = {code / 9, code / 3 % 3, code % 3};
                double lp = logProb(decoder, source, e, 0, seq);
                if (lp > best) {
                    best = lp;
                    bestSeq = seq;
                }
            }
            Seq2SeqDecoder.Beam top = all.get(e).get(0);
            assertArrayEquals(bestSeq, top.symbols());
            assertEquals(best, top.logProb(), 1e-10);
            for (Seq2SeqDecoder.Beam b : all.get(e)) {
                assertEquals(logProb(decoder, source, e, 0, b.symbols()), b.logProb(), 1e-10, "a beam's score is its log-probability");
                assertEquals(attention == AttentionKind.NONE, b.attention() == null);
            }
        }
        java.util.List<java.util.List<Seq2SeqDecoder.Beam>> one = decoder.beam(source, null, 0, 4, -1, 1);
        Seq2SeqDecoder.Decoded greedy = decoder.greedy(source, null, new double[]{1, 0, 0}, 4, -1);
        for (int e = 0; e < MB; e++) {
            for (int t = 0; t < 4; t++) {
                assertEquals(Seq2SeqDecoder.argmax(greedy.outputs()[e][t]), one.get(e).get(0).symbols()[t], "width 1 is greedy");
            }
        }
    }
}
