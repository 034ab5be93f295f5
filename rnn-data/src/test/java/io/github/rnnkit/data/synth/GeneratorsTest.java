package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorsTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 0.9})
    void markovWeatherKeepsTodayWithThePersistenceAsked(double p) {
        CategoricalSeries s = MarkovWeather.generate(20_000, List.of("a", "b", "c"), p, 5);
        int same = 0;
        for (int t = 1; t < s.length(); t++) {
            same += s.get(t).equals(s.get(t - 1)) ? 1 : 0;
        }
        // 4 standard errors of a binomial share over 20,000 draws is at most 0.015.
        assertEquals(p, same / (double) (s.length() - 1), 0.015);
        assertEquals(s.values(), MarkovWeather.generate(20_000, List.of("a", "b", "c"), p, 5).values(), "seeded");
    }

    @Test
    void gbmLogReturnsHaveTheAskedDriftAndVolatility() {
        GeometricBrownianMotion gbm = new GeometricBrownianMotion(50, 0.1, 0.3, 1.0 / 252);
        PriceSeries p = gbm.generate(50_001, 9);
        assertEquals(50, p.get(0, 0));
        double[] v = p.target();
        double sum = 0;
        double ss = 0;
        for (int t = 1; t < v.length; t++) {
            double r = Math.log(v[t] / v[t - 1]);
            sum += r;
            ss += r * r;
        }
        int n = v.length - 1;
        double mean = sum / n;
        double std = Math.sqrt(ss / n - mean * mean);
        assertEquals(0.3 / Math.sqrt(252), std, 0.0003);
        assertEquals((0.1 - 0.045) / 252, mean, 4 * std / Math.sqrt(n));
        assertNotEquals(DayOfWeek.SATURDAY, p.index().date(5).getDayOfWeek());
    }

    @Test
    void addingProblemTargetsTheSumOfTheTwoMarkedValues() {
        SequenceSet set = AddingProblem.generate(50, 20, 1);
        assertEquals(Topology.MANY_TO_ONE, set.topology());
        for (SequenceSample s : set.samples()) {
            double sum = 0;
            int marks = 0;
            int firstMark = -1;
            for (int t = 0; t < s.length(); t++) {
                if (s.features()[t][1] == 1) {
                    sum += s.features()[t][0];
                    marks++;
                    firstMark = firstMark < 0 ? t : firstMark;
                }
            }
            assertEquals(2, marks);
            assertTrue(firstMark < 10, "first marker in the first half");
            assertEquals(sum, s.targets()[0][0], 0.0);
        }
    }

    @Test
    void delayedRecallTargetsTheMarkedSymbolLagStepsBeforeTheEnd() {
        SequenceSet set = DelayedRecall.generate(30, 3, 5, 4, 2);
        assertEquals(5, set.featureCount());
        int[] seen = new int[4];
        for (SequenceSample s : set.samples()) {
            assertEquals(3 + 1 + 5, s.length());
            for (int t = 0; t < s.length(); t++) {
                double[] step = s.features()[t];
                assertEquals(1.0, step[0] + step[1] + step[2] + step[3], "one symbol per step");
                assertEquals(t == 3 ? 1.0 : 0.0, step[4], "the marker is on step 3 only");
            }
            int symbol = (int) s.targets()[0][0];
            assertEquals(1.0, s.features()[s.length() - 1 - 5][symbol]);
            seen[symbol]++;
        }
        for (int n : seen) {
            assertTrue(n > 0, "every symbol is a target somewhere in 30 sequences");
        }
        assertThrows(IllegalArgumentException.class, () -> DelayedRecall.generate(1, -1, 5, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> DelayedRecall.generate(1, 0, 5, 1, 2));
    }

    @Test
    void selectiveCopyAsksForTheQueriedSymbolInOrder() {
        int tokens = 4;
        int vocabulary = 3;
        SequenceSet set = SelectiveCopy.generate(200, 10, tokens, vocabulary, 5);
        assertEquals(vocabulary + 1 + tokens, set.featureCount());
        assertEquals(vocabulary, set.targetCount());
        int[] queried = new int[tokens];
        java.util.Set<String> placements = new java.util.HashSet<>();
        for (SequenceSample s : set.samples()) {
            assertEquals(11, s.length());
            StringBuilder where = new StringBuilder();
            java.util.List<Integer> symbols = new java.util.ArrayList<>();
            for (int t = 0; t < 10; t++) {
                double[] step = s.features()[t];
                double sum = 0;
                for (int k = 0; k < vocabulary + 1; k++) {
                    sum += step[k];
                }
                assertEquals(1.0, sum, "a symbol or the blank flag at each step before the query");
                for (int k = 0; k < vocabulary; k++) {
                    if (step[k] == 1) {
                        symbols.add(k);
                        where.append(t).append(',');
                    }
                }
            }
            assertEquals(tokens, symbols.size(), "exactly the data symbols");
            double[] last = s.features()[10];
            int query = -1;
            for (int q = 0; q < tokens; q++) {
                if (last[vocabulary + 1 + q] == 1) {
                    query = q;
                }
            }
            assertTrue(query >= 0, "the last step names a position");
            assertEquals(symbols.get(query), (int) s.targets()[0][0], "the target is the queried symbol in order");
            queried[query]++;
            placements.add(where.toString());
        }
        for (int n : queried) {
            assertTrue(n > 20, "every position is asked for");
        }
        assertTrue(placements.size() > 100, "of the 210 ways to place 4 symbols among 10 steps, 200 sequences use many: the symbols' places vary: " + placements.size());
        assertThrows(IllegalArgumentException.class, () -> SelectiveCopy.generate(1, 3, 4, 8, 1));
    }
}
