package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.WalkForward;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkForwardBacktestTest {
    @Test
    void eachFoldTrainsOnThePastAndBeatsTheMajorityOnTheNextBlock() {
        CategoricalSeries s = MarkovWeather.generate(900, List.of("a", "b", "c"), 0.85, 21);
        List<ChronoSplit> folds = WalkForward.folds(s.length(), 500, 120, 120, true);
        ModelSpec spec = ModelSpec.builder().setCell(CellType.GRU).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(6).setOutputSize(3).setTask(Task.CLASSIFICATION).optUpdater(UpdaterKind.ADAM, 0.03).build();
        List<WalkForwardBacktest.Fold> result = WalkForwardBacktest.categorical(s, WindowSpec.manyToOne(4), spec,
                TrainerOptions.of(4), folds);
        assertEquals(3, result.size());
        for (WalkForwardBacktest.Fold f : result) {
            Comparison majority = f.comparisons().get(0);
            assertEquals("majority class", majority.baseline());
            assertTrue(majority.modelWins(), "fold " + f.split() + ": " + majority.sentence());
        }
    }

    @Test
    void priceFoldsReportRmseAgainstNaiveAndDrift() {
        List<ChronoSplit> folds = WalkForward.folds(400, 250, 50, 50, false);
        ModelSpec spec = ModelSpec.builder().setCell(CellType.SIMPLE_RNN).setTopology(Topology.MANY_TO_ONE).setInputSize(1)
                .setHiddenSizes(4).setOutputSize(1).setTask(Task.REGRESSION).build();
        List<WalkForwardBacktest.Fold> result = WalkForwardBacktest.prices(GeometricBrownianMotion.DEFAULT.generate(400, 2),
                WindowSpec.manyToOne(10), ScalerKind.Z_SCORE, spec, TrainerOptions.of(2), folds);
        assertEquals(3, result.size());
        assertEquals(List.of("naive last value", "drift"), result.get(0).comparisons().stream().map(Comparison::baseline).toList());
        assertTrue(result.stream().allMatch(f -> f.model() > 0 && Double.isFinite(f.model())));
    }
}
