package io.github.rnnkit.core.run;

import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.eval.ModelRanking;
import io.github.rnnkit.core.eval.SeedTrials;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several models' seeds as one plan: the trials SeedTrials.run gives, on any number of threads. */
class SeedPlanTest {
    private static final TrainerOptions TWO_EPOCHS = TrainerOptions.of(2);
    private static final List<Long> SEEDS = List.of(7L, 8L);

    private static WindowedDataset categorical() {
        return CategoricalDataset.builder(MarkovWeather.generate(400, List.of("a", "b", "c"), 0.8, 3))
                .window(WindowSpec.manyToOne(5)).split(SplitFractions.DEFAULT).build();
    }

    private static WindowedDataset prices() {
        return PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(300, 5)).window(WindowSpec.manyToOne(5))
                .split(SplitFractions.DEFAULT).build();
    }

    private static Map<String, ModelSpec> specs(WindowedDataset data) {
        Map<String, ModelSpec> specs = new LinkedHashMap<>();
        for (CellType cell : List.of(CellType.GRU, CellType.MIN_GRU)) {
            specs.put(cell.label(), ModelSpec.builder().setCell(cell).setDataShape(data).setHiddenSizes(5)
                    .optUpdater(UpdaterKind.ADAM, 0.02).build());
        }
        return specs;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void onOneOrTwoThreadsThePlanGivesTheTrialsOfEachModelTrainedAlone(boolean categorical) {
        DatasetRecipe recipe = categorical ? SeedPlanTest::categorical : SeedPlanTest::prices;
        WindowedDataset data = recipe.build();
        Map<String, ModelSpec> specs = specs(data);
        Map<String, SeedTrials> one;
        Map<String, SeedTrials> two;
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PlanRunner r = new LocalRunner(1)) {
            one = SeedPlan.run(specs, recipe, SEEDS, TWO_EPOCHS, r, o -> { });
        }
        try (PlanRunner r = new LocalRunner(2)) {
            two = SeedPlan.run(specs, recipe, SEEDS, TWO_EPOCHS, r, o -> seen.add(o.id()));
        }
        assertEquals(List.of("gru/seed-7", "gru/seed-8", "min-gru/seed-7", "min-gru/seed-8"), seen.stream().sorted().toList());
        assertEquals(List.copyOf(specs.keySet()), List.copyOf(two.keySet()));
        for (String name : specs.keySet()) {
            SeedTrials alone = SeedTrials.run(specs.get(name), data, SEEDS, TWO_EPOCHS);
            for (SeedTrials t : List.of(one.get(name), two.get(name))) {
                assertEquals(alone.metric(), t.metric());
                assertEquals(alone.seeds(), t.seeds());
                assertEquals(alone.spec(), t.spec());
                assertArrayEquals(alone.testMetric(), t.testMetric(), 0, name);
                assertArrayEquals(alone.trainMetric(), t.trainMetric(), 0, name);
                for (int s = 0; s < SEEDS.size(); s++) {
                    assertArrayEquals(alone.windowLosses()[s], t.windowLosses()[s], 0);
                }
                assertEquals(alone.baselines(), t.baselines());
                assertEquals(alone.firstHistory().epochs().stream().map(e -> e.validationLoss()).toList(),
                        t.firstHistory().epochs().stream().map(e -> e.validationLoss()).toList());
                assertEquals(alone.firstNetwork().params(), t.firstNetwork().params(), "the first network comes back exactly");
                var windows = data.test().subset(0, 8).toDataSet();
                assertArrayEquals(GradientDiagnostics.inputGradientNorms(alone.firstNetwork(), windows).byDistance(),
                        GradientDiagnostics.inputGradientNorms(t.firstNetwork(), windows).byDistance(), 0);
            }
        }
    }

    @Test
    void aTaskAndItsOutcomeTravelAsJavaSerialisationAndAFailureNamesModelAndSeed() throws Exception {
        WindowedDataset data = categorical();
        SeedTask task = SeedTask.of("gru/seed-7", specs(data).get("gru"), SeedPlanTest::categorical, 7, TWO_EPOCHS, true);
        SeedTask copy = (SeedTask) roundTrip(task);
        assertEquals(task.spec(), copy.spec());
        TaskOutcome o = (TaskOutcome) roundTrip(copy.run());
        assertTrue(o.ok(), o.error());
        assertEquals(o.json(), task.run().json().replaceAll("\"seconds\":[^,]*", "\"seconds\":" + o.seconds()));
        SeedTask.Payload t = (SeedTask.Payload) o.payload();
        assertNotNull(t.network(task.spec()));
        assertEquals(t.run().testMetric(), o.model(), 0);
        assertEquals(t.run().trainMetric(), o.figures().get(SeedTask.TRAIN), 0);
        assertFalse(o.json().contains("payload"), "the payload never goes to a results file");

        DatasetRecipe broken = () -> {
            throw new IllegalArgumentException("no such file: x.csv");
        };
        try (PlanRunner r = new LocalRunner(1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SeedPlan.run(Map.of("gru", specs(data).get("gru")), broken, SEEDS, TWO_EPOCHS, r, x -> { }));
            assertEquals("gru with seed 7 failed: no such file: x.csv", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SeedTask.of("x", specs(data).get("gru"), SeedPlanTest::categorical, 7,
                TWO_EPOCHS.withCheckpoints(java.nio.file.Path.of("ck")), false));
    }

    @Test
    void readmeExampleComparesTwoCellsOverSeedsOnTwoThreads() {
        // snippet:seedplan
        DatasetRecipe seattle = () -> CategoricalDataset.builder(SampleDataset.SEATTLE_WEATHER.series())
                .window(WindowSpec.manyToOne(10)).split(SplitFractions.DEFAULT).build();
        ModelSpec.Builder spec = ModelSpec.builder().setDataShape(seattle.build()).setHiddenSizes(8);
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        models.put("GRU", spec.setCell(CellType.GRU).build());
        models.put("LSTM", spec.setCell(CellType.LSTM).build());
        Map<String, SeedTrials> trials;
        try (PlanRunner runner = PlanRunners.forMaster("threads", 2)) {      // or "local[*]", "spark://HOST:7077" with rnn-spark
            trials = SeedPlan.run(models, seattle, List.of(42L, 43L), TrainerOptions.of(1), runner, o -> { });
        }
        ModelRanking ranking = new ModelRanking("accuracy", true, 1, List.of(trials.get("GRU").forecaster("GRU"),
                trials.get("LSTM").forecaster("LSTM")));
        System.out.println(ranking.sentence("cell"));   // names a winner only when the paired test says so
        // end-snippet
        assertEquals(List.of(42L, 43L), trials.get("LSTM").seeds());
        assertEquals(CellType.LSTM, trials.get("LSTM").spec().cell());
        assertEquals(2, trials.get("GRU").testMetric().length);
        assertEquals(ranking.winner().isPresent(), ranking.sentence("cell").contains("is better than every other cell here"),
                ranking.sentence("cell"));
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
