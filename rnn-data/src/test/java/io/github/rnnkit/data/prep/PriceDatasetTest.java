package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.scale.MinMaxScaler;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceDatasetTest {
    @Test
    void severalFeaturesScaledWithTrainingStatisticsExactly() {
        double[][] rows = {{10, 100}, {12, 300}, {14, 200}, {11, 100}, {13, 500}, {20, 300}};
        PriceSeries s = PriceSeries.of(List.of("close", "volume"), rows, null, "two");
        PriceDataset ds = PriceDataset.builder(s).window(WindowSpec.manyToOne(2)).optScaler(ScalerKind.MIN_MAX)
                .split(new SplitFractions(0.5, 0, 0.5)).build();
        assertEquals(List.of(new MinMaxScaler(10, 14), new MinMaxScaler(100, 300)), ds.scalers());
        SequenceSample w = ds.train().get(0);
        assertArrayEquals(new double[][]{{0, 0}, {0.5, 1}}, w.features());
        assertArrayEquals(new double[][]{{1}}, w.targets());
        SequenceSample t = ds.test().get(0);
        assertArrayEquals(new double[]{0.25, 0}, t.features()[0], 1e-12);
        assertArrayEquals(new double[]{0.75, 2}, t.features()[1], 1e-12);
        assertArrayEquals(new double[][]{{2.5}}, t.targets());
        assertArrayEquals(new double[]{20}, ds.toPrices(t, new double[]{2.5}), 1e-12);
        assertArrayEquals(new double[]{20}, ds.actualPrices(t));
    }

    /** Feeding the true scaled targets back through toPrices gives the actual prices, for every scaler and topology. */
    @ParameterizedTest
    @CsvSource({"LOG_RETURNS,MANY_TO_ONE", "LOG_RETURNS,MANY_TO_MANY", "LOG_RETURNS,SEQ2SEQ",
            "Z_SCORE,SEQ2SEQ", "MIN_MAX,MANY_TO_MANY", "NONE,MANY_TO_ONE"})
    void scaledTargetsInvertToActualPrices(ScalerKind kind, Topology topology) {
        PriceSeries s = GeometricBrownianMotion.DEFAULT.generate(120, 11);
        PriceDataset ds = PriceDataset.builder(s).window(WindowSpec.of(topology, 8, 3)).optScaler(kind).build();
        for (SequenceSample w : ds.test().samples()) {
            double[] scaled = new double[w.targetLength()];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = w.targets()[i][0];
            }
            assertArrayEquals(ds.actualPrices(w), ds.toPrices(w, scaled), 1e-9);
        }
        assertTrue(ds.test().size() > 0);
    }

    @Test
    void logReturnsRejectNonPositivePricesAtTheirStep() {
        PriceSeries s = PriceSeries.of("p", 5, 4, 0, 3, 2, 1, 2, 3, 4, 5);
        DataException e = assertThrows(DataException.class, () -> PriceDataset.builder(s)
                .window(WindowSpec.manyToOne(2)).optScaler(ScalerKind.LOG_RETURNS).build());
        assertTrue(e.getMessage().contains("log-returns need values above zero, got 0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("(at step 2)"), e.getMessage());
    }

    @Test
    void warnsWhenTheTestPartLeavesTheTrainingRange() {
        double[] rising = new double[100];
        double[] waving = new double[100];
        for (int t = 0; t < 100; t++) {
            rising[t] = 10 + t;
            waving[t] = 50 + 10 * Math.sin(t);
        }
        PriceDataset up = PriceDataset.builder(PriceSeries.of("close", rising)).window(WindowSpec.manyToOne(5))
                .split(new SplitFractions(0.7, 0.1, 0.2)).build();
        String w = up.testRangeWarning().orElseThrow();
        assertTrue(w.startsWith("100 % of the test part's close values (range 90 .. 109) lie outside the training part's "
                + "range (10 .. 79): a network trained on z-score-scaled levels"), w);
        PriceDataset returns = PriceDataset.builder(PriceSeries.of("close", rising)).window(WindowSpec.manyToOne(5))
                .optScaler(ScalerKind.LOG_RETURNS).split(new SplitFractions(0.7, 0.1, 0.2)).build();
        assertTrue(returns.testRangeWarning().orElseThrow().endsWith("log-returns do not depend on the level, so this matters "
                + "less here"));
        PriceDataset inside = PriceDataset.builder(PriceSeries.of("close", waving)).window(WindowSpec.manyToOne(5))
                .split(new SplitFractions(0.7, 0.1, 0.2)).build();
        assertTrue(inside.testRangeWarning().isEmpty());
    }
}
