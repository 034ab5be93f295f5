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
        assertEquals(ModelFiles.read(dir.resolve("checkpoint-best.zip")).params(), net.params(), "best restored");
        assertEquals(bestLoss, Trainer.loss(net, data.validation()), 1e-6);
        assertTrue(Files.exists(dir.resolve("checkpoint-last.zip")));
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
}
