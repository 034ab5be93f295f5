package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.eval.ModelRanking.Forecaster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Winners only where the paired tests say so, on hand-made losses. */
class ModelRankingTest {
    /**
     * @return 0/1 losses over 200 windows with {@code wrongBySeed[s]} errors in seed s, on windows
     *         drawn at random per forecaster and seed (forecasters disagree on many windows, as trained
     *         networks do)
     */
    private static Forecaster errors(String name, int... wrongBySeed) {
        double[][] losses = new double[wrongBySeed.length][200];
        double[] accuracy = new double[wrongBySeed.length];
        for (int s = 0; s < wrongBySeed.length; s++) {
            List<Integer> windows = new ArrayList<>(IntStream.range(0, 200).boxed().toList());
            Collections.shuffle(windows, new Random(name.hashCode() * 31L + s));
            for (int w = 0; w < wrongBySeed[s]; w++) {
                losses[s][windows.get(w)] = 1;
            }
            accuracy[s] = 1 - wrongBySeed[s] / 200.0;
        }
        return new Forecaster(name, accuracy, losses);
    }

    @Test
    void aClearLeadIsAWinner() {
        ModelRanking r = new ModelRanking("accuracy", true, 1,
                List.of(errors("GRU", 20, 22, 21), errors("LSTM", 80, 78, 82), errors("RNN", 90, 95, 85)));
        assertEquals("GRU", r.winner().orElseThrow().name());
        assertEquals(0.8950, r.best().mean(), 1e-12);
        assertEquals(0.005, r.best().sd(), 1e-12);
        assertTrue(r.sentence().startsWith("GRU is better than every other forecaster here (accuracy 0.8950 ± 0.0050 over 3 seeds"),
                r.sentence());
        assertEquals(3, r.pairs().size());
    }

    @Test
    void aGapOfTwoWindowsIsNoWinner() {
        // Seattle's case: 2 of 209 windows between the best and the next
        ModelRanking r = new ModelRanking("accuracy", true, 1,
                List.of(errors("GRU", 76, 77, 76), errors("LSTM", 78, 78, 79), errors("RNN", 120, 118, 121)));
        assertEquals("GRU", r.best().name());
        assertTrue(r.winner().isEmpty());
        assertTrue(r.sentence().startsWith("No forecaster is better than the others here: GRU has the best mean accuracy"),
                r.sentence());
        assertTrue(r.pValuesAgainst("GRU").get("LSTM") > 0.05);
        assertTrue(r.pValuesAgainst("GRU").get("RNN") < 0.05);
    }

    @Test
    void lowerIsBetterForErrors() {
        Forecaster a = new Forecaster("a", new double[]{1.0}, new double[][]{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        Forecaster b = new Forecaster("b", new double[]{2.0}, new double[][]{{1, 2, 1, 2, 1, 2, 1, 2, 1, 2}});
        ModelRanking r = new ModelRanking("RMSE", false, 1, List.of(b, a));
        assertEquals("a", r.winner().orElseThrow().name());
        assertEquals(1.5, r.pairs().get(0).meanDifference(), 1e-12);
    }

    @Test
    void refusesMismatchedWindows() {
        Forecaster a = new Forecaster("a", new double[]{1}, new double[][]{{0, 1}});
        Forecaster b = new Forecaster("b", new double[]{1}, new double[][]{{0, 1, 1}});
        assertThrows(IllegalArgumentException.class, () -> new ModelRanking("RMSE", false, 1, List.of(a, b)));
        assertThrows(IllegalArgumentException.class, () -> new ModelRanking("RMSE", false, 1, List.of(a)));
    }
}
