package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoricalDatasetTest {
    private static final CategoricalSeries SMALL = CategoricalSeries.of("small",
            List.of("sun", "rain", "sun", "fog", "sun", "rain", "rain", "sun", "fog", "sun"));

    @Test
    void oneHotInputsAndClassTargetsExactly() {
        CategoricalDataset ds = CategoricalDataset.builder(SMALL).window(WindowSpec.manyToOne(2))
                .split(new SplitFractions(0.6, 0, 0.4)).build();
        assertEquals(Vocabulary.of("fog", "rain", "sun"), ds.vocabulary());
        SequenceSet train = ds.train();
        assertEquals(4, train.size(), "6 training steps give 6 - 2 windows");
        SequenceSample first = train.get(0);
        assertArrayEquals(new double[][]{{0, 0, 1}, {0, 1, 0}}, first.features());
        assertArrayEquals(new double[][]{{2}}, first.targets());
        assertArrayEquals(new double[][]{{1}}, train.get(3).targets(), "steps 3,4 -> step 5 = rain");
        SequenceSample test = ds.test().get(0);
        assertArrayEquals(new double[][]{{0, 1, 0}, {0, 0, 1}}, test.features(), "test starts at step 6: rain, sun");
        assertArrayEquals(new double[][]{{0}}, test.targets(), "-> fog");
        assertEquals(7, test.lastInputStep());
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void noWindowCrossesASplitBoundary(Topology topology) {
        CategoricalSeries s = MarkovWeather.generate(300, List.of("a", "b", "c"), 0.7, 3);
        CategoricalDataset ds = CategoricalDataset.builder(s).window(WindowSpec.of(topology, 12, 4))
                .split(SplitFractions.DEFAULT).build();
        ChronoSplit split = ds.split();
        List<IndexRange> parts = split.parts();
        List<SequenceSet> sets = List.of(ds.train(), ds.validation(), ds.test());
        for (int p = 0; p < 3; p++) {
            assertEquals(ds.window().windowCount(parts.get(p).length()), sets.get(p).size());
            for (SequenceSample w : sets.get(p).samples()) {
                int firstInput = w.lastInputStep() - w.length() + 1;
                int lastTarget = topology == Topology.MANY_TO_MANY ? w.lastInputStep() + 1
                        : w.lastInputStep() + w.targetLength();
                assertTrue(parts.get(p).contains(firstInput) && parts.get(p).contains(lastTarget),
                        "window " + firstInput + ".." + lastTarget + " inside " + parts.get(p));
            }
        }
    }

    @Test
    void vocabularyComesFromTheTrainingPartOnly() {
        CategoricalSeries s = CategoricalSeries.of("s", List.of("a", "b", "a", "b", "a", "b", "a", "hail", "a", "b"));
        DataException e = assertThrows(DataException.class, () -> CategoricalDataset.builder(s)
                .window(WindowSpec.manyToOne(1)).split(new SplitFractions(0.6, 0, 0.4)).build());
        assertTrue(e.getMessage().contains("category 'hail' was not in the training part (known: a, b) (at step 7)"),
                e.getMessage());
    }

    @Test
    void aPartShorterThanTheLookBackIsNamed() {
        DataException e = assertThrows(DataException.class, () -> CategoricalDataset.builder(SMALL)
                .window(WindowSpec.manyToOne(4)).split(new SplitFractions(0.6, 0, 0.4)).build());
        assertEquals("small: the test part has 4 steps; look-back 4 + horizon 1 needs at least 5 "
                + "(lower the look-back or give more data)", e.getMessage());
    }
}
