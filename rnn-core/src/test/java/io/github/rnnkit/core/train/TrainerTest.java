package io.github.rnnkit.core.train;

import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.synth.UniformWeather;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    @TempDir
    Path dir;

    private static CategoricalDataset markov() {
        return CategoricalDataset.builder(MarkovWeather.generate(600, List.of("a", "b", "c"), 0.8, 4))
                .window(WindowSpec.manyToOne(5)).split(SplitFractions.DEFAULT).build();
    }

    private static ModelSpec classifier(CellType cell, double lr) {
        return ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(3).setHiddenSizes(6)
                .setOutputSize(3).setTask(Task.CLASSIFICATION).optUpdater(UpdaterKind.ADAM, lr).optSeed(8).build();
    }

    @Test
    void sameSpecDataAndSeedGiveTheSameModel() {
        CategoricalDataset data = markov();
        RnnNetwork a = NetworkFactory.create(classifier(CellType.GRU, 0.02));
        RnnNetwork b = NetworkFactory.create(classifier(CellType.GRU, 0.02));
        TrainingHistory ha = Trainer.fit(a, data.train(), data.validation(), TrainerOptions.of(3));
        TrainingHistory hb = Trainer.fit(b, data.train(), data.validation(), TrainerOptions.of(3));
        assertEquals(a.params(), b.params());
        assertEquals(ha.iterations(), hb.iterations());
        assertEquals(3, ha.epochs().size());
        assertTrue(ha.epochs().get(2).validationMetric() > 0.6, "validation accuracy " + ha.epochs().get(2).validationMetric());
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() throws IOException {
        // No signal: the validation loss soon rises as a large network memorises noise.
        CategoricalDataset data = CategoricalDataset.builder(UniformWeather.generate(300, UniformWeather.CATEGORIES, 3))
                .window(WindowSpec.manyToOne(8)).split(SplitFractions.DEFAULT).build();
        ModelSpec spec = classifier(CellType.LSTM, 0.05).toBuilder().setHiddenSizes(32).build();
        RnnNetwork net = NetworkFactory.create(spec);
        TrainingHistory h = Trainer.fit(net, data.train(), data.validation(),
                TrainerOptions.of(40).withPatience(2).withBatchSize(16).withCheckpoints(dir));
        assertTrue(h.stoppedEarly(), "stopped after " + h.epochs().size() + " epochs");
        int ran = h.epochs().size();
        assertEquals(h.bestEpoch() + 2, ran, "patience 2: two epochs without improvement");
        double bestLoss = h.epochs().get(h.bestEpoch() - 1).validationLoss();
        for (EpochRecord e : h.epochs()) {
            assertTrue(e.validationLoss() >= bestLoss);
        }
        try (var in = new java.io.DataInputStream(Files.newInputStream(dir.resolve("best-" + h.bestEpoch() + ".params")))) {
            assertEquals(org.nd4j.linalg.factory.Nd4j.read(in), net.params(), "best restored");
        }
        assertEquals(bestLoss, Trainer.loss(net, data.validation()), 1e-6);
        assertTrue(Files.exists(dir.resolve("epoch-" + ran + ".params")));
        assertTrue(Trainer.hasCheckpoint(dir));
    }

    @Test
    void aTargetLossStopsAfterTheFirstEpochThatReachesIt() {
        CategoricalDataset data = markov();
        TrainingHistory full = Trainer.fit(NetworkFactory.create(classifier(CellType.GRU, 0.02)), data.train(), data.validation(),
                TrainerOptions.of(6).withPatience(0));
        double target = full.epochs().get(2).validationLoss();
        int reached = 0;
        while (full.epochs().get(reached).validationLoss() > target) {
            reached++;
        }
        TrainingHistory h = Trainer.fit(NetworkFactory.create(classifier(CellType.GRU, 0.02)), data.train(), data.validation(),
                TrainerOptions.of(6).withPatience(0).withTargetLoss(target));
        assertEquals(reached + 1, h.epochs().size(), "stops at the first epoch at or below " + target);
        assertTrue(h.stoppedEarly());
        for (EpochRecord e : h.epochs()) {
            assertEquals(full.epochs().get(e.epoch() - 1).validationLoss(), e.validationLoss(), 0, "the same run up to the stop");
        }
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.of(3).withTargetLoss(-1));
    }

    @Test
    void aDivergingLossStopsWithWhereAndWhatToTry() {
        PriceDataset data = PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(300, 1))
                .window(WindowSpec.manyToOne(10)).optScaler(ScalerKind.NONE).build();
        ModelSpec spec = ModelSpec.builder().setCell(CellType.SIMPLE_RNN).setTopology(Topology.MANY_TO_ONE).setInputSize(1)
                .setHiddenSizes(16).setOutputSize(1).setTask(Task.REGRESSION).optActivation(RnnActivation.RELU)
                .optUpdater(UpdaterKind.SGD, 10.0).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.fit(NetworkFactory.create(spec), data.train(), data.validation(), TrainerOptions.of(5)));
        assertTrue(e.getMessage().matches("training diverged: the loss became (NaN|infinite) at epoch \\d+, iteration \\d+; "
                + "turn on gradient clipping .*"), e.getMessage());
    }

    @Test
    void historyIsWrittenAsCsv() throws IOException {
        CategoricalDataset data = markov();
        TrainingHistory h = Trainer.fit(NetworkFactory.create(classifier(CellType.SIMPLE_RNN, 0.02)), data.train(),
                data.validation(), TrainerOptions.of(2).withBatchSize(64));
        h.writeEpochsCsv(dir.resolve("history.csv"));
        h.writeIterationsCsv(dir.resolve("iterations.csv"));
        List<String> epochs = Files.readAllLines(dir.resolve("history.csv"));
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy,seconds", epochs.get(0));
        assertEquals(3, epochs.size());
        int updates = 2 * ((data.train().size() + 63) / 64);
        assertEquals(updates + 1, Files.readAllLines(dir.resolve("iterations.csv")).size());
    }

    @Test
    void progressLineShowsEpochLossAndTimeLeft() {
        assertEquals("epoch 2/4 [############............]  50%  loss 0.5000  val 0.6000  ~10s left   ",
                ProgressBar.line(2, 4, 0.5, 0.5, 0.6, 10));
    }

    /** Stops training, as a kill would, at update {@code at} (counted over the whole run). */
    private static final class KillAt implements Progress {
        private final int at;
        private int updates;

        KillAt(int at) {
            this.at = at;
        }

        @Override
        public void update(int epoch, int epochs, double fraction, double loss, double validationLoss) {
            if (++updates == at) {
                throw new IllegalStateException("killed");
            }
        }

        @Override
        public void finish() {
        }
    }

    /**
     * A run killed in the middle of an epoch (and again in a later one), then resumed from its
     * checkpoints, ends with exactly the parameters and history of an uninterrupted run: with
     * dropout (random masks), Adam (updater state and step count) and early stopping in play.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(CellType.class)
    void aKilledRunResumesToTheSameModel(CellType cell) {
        CategoricalDataset data = markov();
        ModelSpec spec = classifier(cell, 0.02).toBuilder().setHiddenSizes(6, 5).optDropout(0.2).build();
        TrainerOptions o = TrainerOptions.of(6).withPatience(4).withBatchSize(64);
        int batches = (data.train().size() + 63) / 64;

        RnnNetwork whole = NetworkFactory.create(spec);
        TrainingHistory expected = Trainer.fit(whole, data.train(), data.validation(), o.withCheckpoints(dir.resolve("whole")));

        Path ck = dir.resolve("killed");
        RnnNetwork first = NetworkFactory.create(spec);
        assertThrows(IllegalStateException.class, () -> Trainer.fit(first, data.train(), data.validation(),
                o.withCheckpoints(ck).withProgress(new KillAt(2 * batches + 2))));
        RnnNetwork second = NetworkFactory.create(spec);
        assertThrows(IllegalStateException.class, () -> Trainer.resume(second, data.train(), data.validation(),
                o.withCheckpoints(ck).withProgress(new KillAt(batches + 1))));
        RnnNetwork third = NetworkFactory.create(spec);
        TrainingHistory resumed = Trainer.resume(third, data.train(), data.validation(), o.withCheckpoints(ck));

        assertEquals(whole.params(), third.params());
        assertEquals(expected.iterations(), resumed.iterations());
        assertEquals(expected.bestEpoch(), resumed.bestEpoch());
        assertEquals(expected.stoppedEarly(), resumed.stoppedEarly());
        assertEquals(expected.epochs().stream().map(EpochRecord::validationLoss).toList(),
                resumed.epochs().stream().map(EpochRecord::validationLoss).toList());
    }

    @Test
    void resumingWithOtherOptionsOrNoCheckpointIsRefused() {
        CategoricalDataset data = markov();
        ModelSpec spec = classifier(CellType.GRU, 0.02);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(
                NetworkFactory.create(spec), data.train(), data.validation(), TrainerOptions.of(2).withCheckpoints(dir)));
        assertTrue(none.getMessage().startsWith("no checkpoint to resume from in"), none.getMessage());
        Trainer.fit(NetworkFactory.create(spec), data.train(), data.validation(), TrainerOptions.of(1).withCheckpoints(dir));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(
                NetworkFactory.create(spec), data.train(), data.validation(), TrainerOptions.of(1).withSeed(7).withCheckpoints(dir)));
        assertTrue(other.getMessage().contains("resume it with the same options"), other.getMessage());
        IllegalArgumentException net = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(
                NetworkFactory.create(classifier(CellType.LSTM, 0.02)), data.train(), data.validation(),
                TrainerOptions.of(1).withCheckpoints(dir)));
        assertTrue(net.getMessage().contains("is of another network"), net.getMessage());
    }
}
