package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.synth.SymbolSequences;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library calls around the encoder-decoder layer: the spec's validation, the price and
 * category data layouts on hand-made series, keeping the best epoch, and symbol evaluation.
 */
class Seq2SeqLibraryTest {
    @Test
    void theSpecNamesWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EncoderDecoderSpec(CellType.GRU, 1, 8,
                AttentionKind.NONE, 8, 3, 5, 4, 5, Task.CLASSIFICATION, 0.01, 0, 1));
        assertTrue(e.getMessage().contains("target features (4) must equal the outputs (5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EncoderDecoderSpec.symbols(CellType.MIN_GRU, 8, AttentionKind.NONE,
                3, 5, 4));
        assertTrue(e.getMessage().startsWith("cell:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EncoderDecoderSpec(CellType.LSTM, 1, 8, AttentionKind.BAHDANAU,
                0, 3, 5, 5, 5, Task.CLASSIFICATION, 0.01, 0, 1));
        assertTrue(e.getMessage().startsWith("attention size"), e.getMessage());
        MultiLayerNetwork net = EncoderDecoderSpec.symbols(CellType.GRU, 8, AttentionKind.LUONG, 3, 5, 4).network();
        assertEquals(2, net.getnLayers());
        SymbolSequences wrong = SymbolSequences.generate(SymbolSequences.Kind.COPY, 4, 2, 2, 4, 1);
        e = assertThrows(IllegalArgumentException.class, () -> SymbolSeq2Seq.train(EncoderDecoderSpec.symbols(CellType.GRU, 8,
                AttentionKind.NONE, 3, 5, 4), wrong, 1, 2, 1));
        assertTrue(e.getMessage().contains("the data have 4 symbols"), e.getMessage());
    }

    @Test
    void priceWindowsAreRelativeLogPricesOnTheTrainingScale() {
        double[] p = {100, 110, 99, 121, 133.1, 120};
        double r1 = Math.log(1.1);
        double r2 = Math.log(0.9);
        double r3 = Math.log(121.0 / 99);
        double mean = (r1 + r2 + r3) / 3;
        double sd = Math.sqrt((r1 * r1 + r2 * r2 + r3 * r3) / 3 - mean * mean);
        assertEquals(sd, PriceSeq2Seq.returnScale(p, 0, 4), 1e-15);
        PriceSeq2Seq.Windows w = PriceSeq2Seq.windows(p, 0, 6, 2, 2, 0.5);
        assertEquals(3, w.size());
        assertArrayEquals(new double[]{Math.log(100.0 / 110) / 0.5, 0}, w.source()[0], 1e-15);
        assertArrayEquals(new double[]{Math.log(99.0 / 110) / 0.5, Math.log(121.0 / 110) / 0.5}, w.target()[0], 1e-15);
        assertEquals(110, w.last()[0]);
        assertEquals(1, w.lastIndex()[0]);
        assertArrayEquals(new double[]{99, 121}, w.truePrices()[0], 1e-12);
        assertArrayEquals(new double[]{121, 133.1}, w.truePrices()[1], 1e-12);
        DataSet tf = PriceSeq2Seq.teacherForced(w);
        assertArrayEquals(new long[]{3, 2, 4}, tf.getFeatures().shape());
        // decoder input at step 1 is the true relative price of day 1; labels are days 1 and 2
        assertEquals(w.target()[0][0], tf.getFeatures().getDouble(0, 1, 3), 1e-6);
        assertEquals(0, tf.getFeatures().getDouble(0, 1, 2), 0);
        assertEquals(w.target()[0][1], tf.getLabels().getDouble(0, 0, 1), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceSeq2Seq.windows(new double[]{1, 2, -3, 4, 5}, 0, 5, 2, 1, 1));
        assertTrue(e.getMessage().contains("price at index 2 is -3.0"), e.getMessage());
    }

    @Test
    void categoryWindowsStartWithTheStartSymbolAndForecastTheNextDays() {
        int[] codes = {0, 1, 2, 1, 0, 2};
        DataSet d = CategorySeq2Seq.teacherForced(codes, new int[]{1, 2}, 2, 3, 3);
        // features: 3 source one-hot + 4 decoder classes, over 2 + 3 steps; labels 4 classes over 3 steps
        assertArrayEquals(new long[]{2, 7, 5}, d.getFeatures().shape());
        assertArrayEquals(new long[]{2, 4, 3}, d.getLabels().shape());
        assertEquals(1, d.getFeatures().getDouble(0, 0, 0), 0);       // day 0: code 0
        assertEquals(1, d.getFeatures().getDouble(0, 1, 1), 0);       // day 1: code 1
        assertEquals(1, d.getFeatures().getDouble(0, 3 + 3, 2), 0);   // decoder step 0: the start symbol (class 3)
        assertEquals(1, d.getFeatures().getDouble(0, 3 + 2, 3), 0);   // decoder step 1: day 2's code 2
        for (int k = 0; k < 3; k++) {
            assertEquals(1, d.getLabels().getDouble(1, codes[3 + k], k), 0, "window 2, day " + (k + 1));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategorySeq2Seq.teacherForced(codes, new int[]{4}, 2, 3, 3));
        assertTrue(e.getMessage().contains("run past the series' 6 days"), e.getMessage());
    }

    @Test
    void fittingKeepsTheEpochWithTheLowestValidationLoss() {
        MultiLayerNetwork net = EncoderDecoderSpec.symbols(CellType.GRU, 4, AttentionKind.NONE, 3, 5, 3).network();
        SymbolSequences s = SymbolSequences.generate(SymbolSequences.Kind.COPY, 16, 1, 3, 3, 1);
        DataSet data = SymbolBatch.of(s.sources(), s.targets(), 3, 3);
        List<INDArray> seen = new ArrayList<>();
        double[] losses = {3, 1, 2, 4};
        Seq2SeqFit.Result r = Seq2SeqFit.fit(net, data, 8, 4, 1, m -> {
            seen.add(m.params().dup());
            return losses[seen.size() - 1];
        });
        assertEquals(2, r.bestEpoch());
        assertEquals(8, r.updates());
        assertEquals(List.of(3.0, 1.0, 2.0, 4.0), r.validation());
        assertEquals(seen.get(1), net.params());
    }

    @Test
    void evaluationCountsTokensAndWholeSequences() {
        SymbolSequences train = SymbolSequences.generate(SymbolSequences.Kind.REVERSE, 512, 2, 4, 4, 1);
        SymbolSeq2Seq.Trained t = SymbolSeq2Seq.train(EncoderDecoderSpec.symbols(CellType.GRU, 16, AttentionKind.BAHDANAU, 4, 6, 4)
                .withLearningRate(0.02), train, 40, 32, 1);
        SymbolSequences test = SymbolSequences.generate(SymbolSequences.Kind.REVERSE, 200, 2, 4, 4, 2);
        SymbolSeq2Seq.Accuracy a = SymbolSeq2Seq.evaluate(t.net(), test, 3);
        assertTrue(a.sequence() >= 0.9, "reversed exactly " + a.sequence());
        assertTrue(a.token() >= a.sequence());
        int exact = 0;
        for (int e = 0; e < 200; e++) {
            exact += java.util.Arrays.equals(a.decoded()[e], test.targets()[e]) ? 1 : 0;
        }
        assertEquals(exact / 200.0, a.sequence(), 1e-12);
        assertEquals(3, a.attention().length);
        for (double[] row : a.attention()[0]) {
            assertEquals(1, java.util.Arrays.stream(row).sum(), 1e-9);
        }
        assertEquals(t.updates(), 40 * 16);
    }
}
