package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds trained and scored the same way a single run would be, and their losses paired for tests. */
class SeedTrialsTest {
    private static final TrainerOptions TWO_EPOCHS = TrainerOptions.of(2);

    @Test
    void eachSeedIsTheRunThatSeedGivesAlone() {
        CategoricalDataset data = CategoricalDataset.builder(MarkovWeather.generate(500, List.of("a", "b", "c"), 0.8, 3))
                .window(WindowSpec.manyToOne(5)).split(SplitFractions.DEFAULT).build();
        ModelSpec spec = ModelSpec.builder().setCell(CellType.GRU).setDataShape(data).setHiddenSizes(6)
                .optUpdater(UpdaterKind.ADAM, 0.02).build();
        SeedTrials t = SeedTrials.run(spec, data, List.of(7L, 8L), TWO_EPOCHS);
        assertEquals("accuracy", t.metric());
        assertTrue(t.higherIsBetter());
        for (int s = 0; s < 2; s++) {
            long seed = List.of(7L, 8L).get(s);
            RnnNetwork alone = NetworkFactory.create(spec.toBuilder().optSeed(seed).build());
            Trainer.fit(alone, data.train(), data.validation(), TWO_EPOCHS.withSeed(seed));
            CategoricalEvaluation e = CategoricalEvaluation.onTest(alone, data);
            assertEquals(e.model().accuracy(), t.testMetric()[s], 0, "seed " + seed);
            assertArrayEquals(e.windowLosses("model"), t.windowLosses()[s], 0);
            if (s == 0) {
                assertEquals(alone.params(), t.firstNetwork().params());
            }
        }
        assertEquals(7L, t.spec().seed());
        assertEquals(List.of("majority class", "persistence", "Markov chain"), List.copyOf(t.baselines().keySet()));
        ModelRanking.Forecaster f = t.forecaster("GRU");
        assertEquals(Arrays.stream(t.testMetric()).average().orElseThrow(), f.mean(), 1e-15);
        for (Comparison c : t.comparisons()) {
            assertEquals(f.mean(), c.model(), 1e-15);
            assertEquals(DieboldMariano.pValue(f.meanLossByWindow(), t.baselineLosses().get(c.baseline()), 1), c.pValue(), 0);
        }
    }

    @Test
    void pricesAreScoredInTheSeriesUnitsAndBadCallsAreRefused() {
        PriceDataset data = PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(300, 5)).window(WindowSpec.manyToOne(5))
                .split(SplitFractions.DEFAULT).build();
        ModelSpec spec = ModelSpec.builder().setCell(CellType.LSTM).setDataShape(data).setHiddenSizes(4).build();
        SeedTrials t = SeedTrials.run(spec, data, List.of(1L), TWO_EPOCHS);
        assertEquals("RMSE", t.metric());
        assertEquals(PriceEvaluation.of(t.firstNetwork(), data, data.test()).model().get(0).rmse(), t.testMetric()[0], 0);
        assertTrue(t.baselines().containsKey("naive last value"));
        assertThrows(IllegalArgumentException.class, () -> SeedTrials.run(spec, data, List.of(), TWO_EPOCHS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedTrials.run(spec, data, List.of(1L, 2L), TWO_EPOCHS.withCheckpoints(java.nio.file.Path.of("ck"))));
        assertTrue(e.getMessage().contains("would overwrite each other"), e.getMessage());
    }
}
