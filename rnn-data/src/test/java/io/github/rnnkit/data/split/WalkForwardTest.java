package io.github.rnnkit.data.split;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walk-forward validation folds, by hand: 100 steps split 70/15/15 keep 85..100 for test. */
class WalkForwardTest {
    @Test
    void threeFoldsEndWhereTheTestPartStartsAndTheLastIsTheDefaultSplit() {
        List<ChronoSplit> folds = WalkForward.validationFolds(100, SplitFractions.DEFAULT, 3);
        assertEquals(List.of(
                new ChronoSplit(new IndexRange(0, 40), new IndexRange(40, 55), new IndexRange(55, 55)),
                new ChronoSplit(new IndexRange(0, 55), new IndexRange(55, 70), new IndexRange(70, 70)),
                new ChronoSplit(new IndexRange(0, 70), new IndexRange(70, 85), new IndexRange(85, 85))), folds);
        ChronoSplit whole = ChronoSplit.byFraction(100, SplitFractions.DEFAULT);
        assertEquals(whole.train(), folds.get(2).train());
        assertEquals(whole.validation(), folds.get(2).validation());
        assertTrue(folds.stream().allMatch(f -> f.test().isEmpty() && f.validation().to() <= whole.test().from()),
                "no fold reaches the test part");
    }

    @Test
    void tooManyFoldsAreRefusedNamingTheCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WalkForward.validationFolds(100, SplitFractions.DEFAULT, 5));
        assertTrue(e.getMessage().contains("5 walk-forward folds of 15 validation steps") && e.getMessage().contains("fewer folds"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalkForward.validationFolds(100, SplitFractions.DEFAULT, 0));
    }
}
