package io.github.rnnkit.data.window;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windows of the series 10, 11, ..., 15 (input = target = value) starting at series step 100. */
class WindowerTest {
    private static final double[][] ROWS = {{10}, {11}, {12}, {13}, {14}, {15}};

    private static List<SequenceSample> cut(WindowSpec spec) {
        return Windower.cut(ROWS, ROWS, 100, spec, "the part", "test");
    }

    private static double[] column(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][0];
        }
        return out;
    }

    @Test
    void manyToOneTargetsTheNextValue() {
        List<SequenceSample> w = cut(WindowSpec.manyToOne(3));
        assertEquals(3, w.size());
        assertArrayEquals(new double[]{10, 11, 12}, column(w.get(0).features()));
        assertArrayEquals(new double[]{13}, column(w.get(0).targets()));
        assertArrayEquals(new double[]{12, 13, 14}, column(w.get(2).features()));
        assertArrayEquals(new double[]{15}, column(w.get(2).targets()));
        assertEquals(102, w.get(0).lastInputStep());
        assertEquals(104, w.get(2).lastInputStep());
    }

    @Test
    void manyToManyTargetsTheInputShiftedByOne() {
        List<SequenceSample> w = cut(WindowSpec.manyToMany(4));
        assertEquals(2, w.size());
        assertArrayEquals(new double[]{10, 11, 12, 13}, column(w.get(0).features()));
        assertArrayEquals(new double[]{11, 12, 13, 14}, column(w.get(0).targets()));
        assertArrayEquals(new double[]{12, 13, 14, 15}, column(w.get(1).targets()));
    }

    @Test
    void seq2seqTargetsTheNextHorizon() {
        List<SequenceSample> w = cut(WindowSpec.seq2seq(2, 3));
        assertEquals(2, w.size());
        assertArrayEquals(new double[]{10, 11}, column(w.get(0).features()));
        assertArrayEquals(new double[]{12, 13, 14}, column(w.get(0).targets()));
        assertArrayEquals(new double[]{11, 12}, column(w.get(1).features()));
        assertArrayEquals(new double[]{13, 14, 15}, column(w.get(1).targets()));
    }

    @Test
    void strideSkipsStarts() {
        List<SequenceSample> w = cut(WindowSpec.manyToOne(2).withStride(2));
        assertEquals(2, w.size());
        assertArrayEquals(new double[]{12, 13}, column(w.get(1).features()));
        assertArrayEquals(new double[]{14}, column(w.get(1).targets()));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void aPartShorterThanOneWindowIsAnErrorThatSaysWhatItNeeds(Topology topology) {
        WindowSpec spec = WindowSpec.of(topology, 6, 2);
        DataException e = assertThrows(DataException.class, () -> cut(spec));
        assertTrue(e.getMessage().startsWith("test: the part has 6 steps;"), e.getMessage());
        assertTrue(e.getMessage().contains("needs at least " + spec.span()), e.getMessage());
    }

    @Test
    void invalidSpecsSayWhatToChange() {
        assertEquals("look-back must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> WindowSpec.manyToOne(0)).getMessage());
        assertEquals("look-back must be at least 1, got -3",
                assertThrows(IllegalArgumentException.class, () -> WindowSpec.manyToMany(-3)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WindowSpec(5, Topology.MANY_TO_ONE, 3, 1)).getMessage().contains("needs the seq2seq topology"));
        assertThrows(IllegalArgumentException.class, () -> WindowSpec.seq2seq(5, 0));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void windowCountMatchesWhatIsCut(Topology topology) {
        WindowSpec spec = WindowSpec.of(topology, 2, 2);
        assertEquals(spec.windowCount(ROWS.length), cut(spec).size());
    }
}
