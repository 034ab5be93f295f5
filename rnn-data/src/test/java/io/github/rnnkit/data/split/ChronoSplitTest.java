package io.github.rnnkit.data.split;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChronoSplitTest {
    @Test
    void byFractionCoversTheSeriesInOrder() {
        ChronoSplit s = ChronoSplit.byFraction(100, new SplitFractions(0.7, 0.15, 0.15));
        assertEquals(new IndexRange(0, 70), s.train());
        assertEquals(new IndexRange(70, 85), s.validation());
        assertEquals(new IndexRange(85, 100), s.test());
    }

    @Test
    void twoFractionsMeanNoValidation() {
        ChronoSplit s = ChronoSplit.byFraction(10, SplitFractions.parse("0.8,0.2"));
        assertEquals(new IndexRange(0, 8), s.train());
        assertTrue(s.validation().isEmpty());
        assertEquals(new IndexRange(8, 10), s.test());
    }

    @Test
    void fractionsThatDoNotAddUpAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse("0.7,0.2,0.2"));
        assertEquals("split fractions 0.7 + 0.2 + 0.2 add up to 1.1; they must add up to 1 (within 1e-9)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse("0.7,x,0.2"));
        assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse("1.2,-0.2"));
        assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse("0.5"));
        assertThrows(IllegalArgumentException.class, () -> ChronoSplit.byFraction(3, SplitFractions.DEFAULT),
                "3 steps cannot give non-empty validation and test parts");
    }

    @Test
    void byDateSplitsAtTheFirstDateOnOrAfterEachStart() {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            dates.add(LocalDate.of(2020, 1, 1).plusDays(2L * i));
        }
        ChronoSplit s = ChronoSplit.byDate(dates, LocalDate.of(2020, 1, 10), LocalDate.of(2020, 1, 15));
        assertEquals(new IndexRange(0, 5), s.train());
        assertEquals(new IndexRange(5, 7), s.validation());
        assertEquals(new IndexRange(7, 10), s.test());
        assertThrows(IllegalArgumentException.class,
                () -> ChronoSplit.byDate(dates, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 15)));
        assertThrows(IllegalArgumentException.class,
                () -> ChronoSplit.byDate(dates, LocalDate.of(2020, 1, 15), LocalDate.of(2020, 1, 10)));
    }

    @Test
    void walkForwardExpandingAndSliding() {
        List<ChronoSplit> expanding = WalkForward.folds(20, 10, 3, 3, true);
        assertEquals(3, expanding.size());
        assertEquals(new IndexRange(0, 16), expanding.get(2).train());
        assertEquals(new IndexRange(16, 19), expanding.get(2).test());
        List<ChronoSplit> sliding = WalkForward.folds(20, 10, 3, 3, false);
        assertEquals(new IndexRange(6, 16), sliding.get(2).train());
        for (ChronoSplit fold : sliding) {
            assertEquals(fold.train().to(), fold.test().from(), "test follows train directly");
        }
        assertThrows(IllegalArgumentException.class, () -> WalkForward.folds(12, 10, 3, 3, true));
    }
}
