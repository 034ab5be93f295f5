package io.github.rnnkit.data.summary;

import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfilesTest {
    @Test
    void categoricalProfileHasTheBaselineRates() {
        CategoricalSeries s = CategoricalSeries.of("s", List.of("a", "a", "b", "a", "a"));
        CategoricalProfile p = CategoricalProfile.of(s);
        assertEquals(0.8, p.majorityShare(), 1e-12);
        assertEquals(0.5, p.persistenceRate(), 1e-12, "2 of 4 transitions keep the category");
        assertEquals(List.of("a", "b"), List.copyOf(p.counts().keySet()));
    }

    @Test
    void priceProfileStatisticsAndGaps() {
        List<LocalDate> d = List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 6));
        PriceProfile p = PriceProfile.of(PriceSeries.of("close", new double[]{1, 2, 4}, d));
        PriceProfile.FeatureStats f = p.features().get(0);
        assertEquals(1, f.min());
        assertEquals(4, f.max());
        assertEquals(7.0 / 3, f.mean(), 1e-12);
        assertEquals(Math.log(2), p.logReturnMean(), 1e-12);
        assertEquals(0, p.logReturnStd(), 1e-12);
        assertEquals(4, p.dates().largestGap());
        assertEquals(LocalDate.of(2020, 1, 2), p.dates().largestGapAfter());
    }

    @Test
    void windowPlanCountsWindowsPerPartAndFlagsShortParts() {
        ChronoSplit split = ChronoSplit.byFraction(100, SplitFractions.DEFAULT);
        WindowPlan plan = WindowPlan.of(io.github.rnnkit.data.series.TimeIndex.of("x", 100), split, WindowSpec.manyToOne(10), 0);
        assertEquals(List.of(60, 5, 5), plan.parts().stream().map(WindowPlan.Part::windows).toList());
        WindowPlan tooLong = WindowPlan.of(io.github.rnnkit.data.series.TimeIndex.of("x", 100), split, WindowSpec.manyToOne(20), 0);
        assertTrue(tooLong.parts().get(2).tooShort());
        assertEquals(50, tooLong.totalWindows());
    }
}
