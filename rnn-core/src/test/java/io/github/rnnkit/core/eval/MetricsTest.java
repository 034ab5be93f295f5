package io.github.rnnkit.core.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void classificationMetricsByHand() {
        int[] truth = {0, 0, 1, 2};
        int[] predicted = {0, 1, 1, 2};
        double[][] p = {{0.5, 0.25, 0.25}, {0.25, 0.5, 0.25}, {0.1, 0.8, 0.1}, {0, 0, 1}};
        ClassificationMetrics m = ClassificationMetrics.of(ABC, truth, predicted, p);
        assertEquals(0.75, m.accuracy(), 1e-15);
        // F1: a = 2*1/(2+1), b = 2*1/(1+2), c = 2*1/(1+1)
        assertEquals((2.0 / 3 + 2.0 / 3 + 1.0) / 3, m.macroF1(), 1e-15);
        assertEquals(-(Math.log(0.5) + Math.log(0.25) + Math.log(0.8) + Math.log(1)) / 4, m.logLoss(), 1e-15);
        assertArrayEquals(new int[][]{{1, 1, 0}, {0, 1, 0}, {0, 0, 1}}, m.confusion());
        assertTrue(Double.isNaN(ClassificationMetrics.of(ABC, truth, predicted, null).logLoss()));
    }

    @Test
    void categoricalBaselinesFittedOnTrainingCodes() {
        // a a b a b b b: counts a 3, b 4, c 0; transitions a->a 1, a->b 2, b->a 1, b->b 2
        CategoricalBaselines b = CategoricalBaselines.fit(new int[]{0, 0, 1, 0, 1, 1, 1}, 3);
        assertArrayEquals(new double[]{4.0 / 10, 5.0 / 10, 1.0 / 10}, b.frequencies(), 1e-15);
        List<CategoricalForecast> f = b.forecasts(new int[]{0, 2});
        assertEquals("majority class", f.get(0).name());
        assertArrayEquals(new int[]{1, 1}, f.get(0).predicted());
        assertArrayEquals(new int[]{0, 2}, f.get(1).predicted(), "persistence repeats today");
        assertNull(f.get(1).probabilities());
        assertArrayEquals(new double[]{2.0 / 6, 3.0 / 6, 1.0 / 6}, f.get(2).probabilities()[0], 1e-15, "row a, add-one");
        assertArrayEquals(new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, f.get(2).probabilities()[1], 1e-15, "unseen c: uniform");
    }

    @Test
    void forecastMetricsByHand() {
        double[] last = {10, 10, 10, 10};
        double[] actual = {11, 9, 12, 10};
        double[] forecast = {12, 10.5, 9, 10};
        ForecastMetrics m = ForecastMetrics.of(forecast, actual, last);
        assertEquals((1 + 1.5 + 3 + 0) / 4, m.mae(), 1e-15);
        assertEquals(Math.sqrt((1 + 2.25 + 9 + 0) / 4), m.rmse(), 1e-15);
        assertEquals(100 * (1 / 11.0 + 1.5 / 9 + 3 / 12.0 + 0) / 4, m.mape(), 1e-12);
        // moves: up, down, up, none (skipped); forecast moves: up, up, down -> 1 of 3 right
        assertEquals(1.0 / 3, m.directional(), 1e-15);
        assertTrue(Double.isNaN(ForecastMetrics.of(last, actual, last).directional()), "naive never moves");
    }

    @Test
    void naiveAndDriftBaselines() {
        assertArrayEquals(new double[][]{{5, 5}}, PriceBaselines.naive(new double[]{5}, 2));
        // first price 100 at step 0, last 110 at step 10: slope 1 per step
        assertArrayEquals(new double[][]{{111, 112, 113}}, PriceBaselines.drift(100, new double[]{110}, new int[]{10}, 3));
    }

    @Test
    void comparisonsSayWhoWins() {
        assertTrue(new Comparison("persistence", "accuracy", 0.7, 0.6, true).modelWins());
        assertFalse(new Comparison("naive", "RMSE", 2.0, 1.5, false).modelWins());
        assertEquals("does NOT beat naive (RMSE 2.000 vs 1.500)", new Comparison("naive", "RMSE", 2.0, 1.5, false).sentence());
    }

    @Test
    void mcNemarExactPValues() {
        // 10 discordant cases split 9 to 1: two-sided binomial p = 2 * (1 + 10) / 1024
        assertEquals(22.0 / 1024, McNemar.pValue(9, 1), 1e-15);
        assertEquals(1.0, McNemar.pValue(5, 5), 1e-15);
        assertEquals(1.0, McNemar.pValue(0, 0));
        assertEquals(22.0 / 1024, McNemar.pValue(new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, new int[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1}), 1e-15);
        assertTrue(new Comparison("x", "accuracy", 0.6, 0.5, true, 0.3).sentence().contains("not significant at 5 %"));
    }

    @Test
    void dieboldMarianoByHand() {
        // d = 1, 2, 3, 4: mean 2.5, gamma_0 = 1.25, DM = 2.5 / sqrt(1.25 / 4) = 4.4721, p = erfc(DM / sqrt 2)
        double[] a = {1, 2, 3, 4};
        double[] zero = new double[4];
        assertEquals(7.744216431044096e-06, DieboldMariano.pValue(a, zero, 1), 1e-15);
        // two steps ahead: gamma_1 = (0.75 - 0.25 + 0.75) / 4 enters twice, DM = 3.6515
        assertEquals(0.0002607296328553168, DieboldMariano.pValue(a, zero, 2), 1e-15);
        assertEquals(DieboldMariano.pValue(a, zero, 1), DieboldMariano.pValue(zero, a, 1), 1e-15, "two-sided");
        assertEquals(1.0, DieboldMariano.pValue(a, a, 1));
        assertEquals(0.0, DieboldMariano.pValue(new double[]{2, 2, 2}, new double[]{1, 1, 1}, 1));
        assertTrue(Double.isNaN(DieboldMariano.pValue(new double[]{1}, new double[]{0}, 1)));
        assertThrows(IllegalArgumentException.class, () -> DieboldMariano.pValue(a, new double[3], 1));
    }

    @Test
    void verdictsSaySignificance() {
        Comparison majority = new Comparison("majority class", "accuracy", 0.636, 0.469, true, 1e-6);
        Comparison persistence = new Comparison("persistence", "accuracy", 0.636, 0.608, true, 0.29);
        Comparison markov = new Comparison("Markov chain", "accuracy", 0.636, 0.627, true, 0.81);
        assertEquals("beats", majority.verdict());
        assertEquals("ahead, not significant", persistence.verdict());
        assertEquals("is ahead of persistence (accuracy 0.6360 vs 0.6080; McNemar p = 0.290, not significant at 5 %)",
                persistence.sentence());
        assertTrue(majority.sentence().startsWith("beats majority class (accuracy 0.6360 vs 0.4690; McNemar p < 0.0001)"),
                majority.sentence());
        assertEquals("beats majority class; ahead, not significant vs persistence, Markov chain",
                Comparison.summary(List.of(majority, persistence, markov)));
        assertFalse(Comparison.beatsAllSignificantly(List.of(majority, persistence)));
        assertTrue(Comparison.beatsAllSignificantly(List.of(majority)));
        assertEquals("worse", new Comparison("naive", "RMSE", 3.2, 3.0, false, 0.001, "Diebold-Mariano").verdict());
        assertEquals("behind, not significant", new Comparison("naive", "RMSE", 3.2, 3.0, false, 0.4, "Diebold-Mariano").verdict());
        assertEquals("ahead, untested", new Comparison("naive", "RMSE", 2.9, 3.0, false).verdict());
        assertEquals("level", new Comparison("naive", "RMSE", 3.0, 3.0, false, 1.0, "Diebold-Mariano").verdict());
        assertTrue(new Comparison("naive", "RMSE", 3.2, 3.0, false, 0.4, "Diebold-Mariano").sentence()
                .contains("Diebold-Mariano p = 0.400, not significant at 5 %"));
    }
}
