package io.github.rnnkit.core.net;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A spec or network that does not fit the data fails before training, naming both sides. */
class DataFitTest {
    private static final CategoricalDataset WEATHER = CategoricalDataset.builder(
                    MarkovWeather.generate(300, List.of("a", "b", "c", "d", "e"), 0.8, 4))
            .window(WindowSpec.manyToOne(5)).split(SplitFractions.DEFAULT).build();
    private static final PriceDataset PRICES = PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(300, 2))
            .window(WindowSpec.seq2seq(8, 3)).split(SplitFractions.DEFAULT).build();

    private static ModelSpec.Builder fitted(WindowedDataset data) {
        return ModelSpec.builder().setCell(CellType.GRU).setHiddenSizes(4).setDataShape(data);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> misfits() {
        return Stream.of(
                arguments("input size 3 on 5 categories", WEATHER, (UnaryOperator<ModelSpec.Builder>) b -> b.setInputSize(3),
                        "takes 3 input feature(s) per step but the training part has 5 (one-hot categories): set the input size to 5"),
                arguments("output size 3 on 5 categories", WEATHER, (UnaryOperator<ModelSpec.Builder>) b -> b.setOutputSize(3),
                        "gives 3 class probabilities per step but the training part has 5 classes"),
                arguments("regression on categories", WEATHER, (UnaryOperator<ModelSpec.Builder>) b -> b.setTask(Task.REGRESSION),
                        "is a regression (MSE on values) but the training part holds categories (5 classes)"),
                arguments("classification on prices", PRICES,
                        (UnaryOperator<ModelSpec.Builder>) b -> b.setTask(Task.CLASSIFICATION).setOutputSize(2),
                        "is a classifier (softmax over 2 classes) but the training part holds numeric targets"),
                arguments("a horizon the data lacks", PRICES, (UnaryOperator<ModelSpec.Builder>) b -> b.optHorizon(5),
                        "forecasts a horizon of 5 steps but the training part's windows have 3: set the horizon to 3"),
                arguments("seq2seq spec on many-to-one windows", WEATHER, (UnaryOperator<ModelSpec.Builder>) b -> b.setSeq2seq(2),
                        "the spec is SEQ2SEQ but the dataset's windows are MANY_TO_ONE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misfits")
    void specThatDoesNotFitFailsBeforeTrainingNamingBothSides(String name, WindowedDataset data,
                                                              UnaryOperator<ModelSpec.Builder> change, String message) {
        ModelSpec spec = change.apply(fitted(data)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFit.require(spec, data));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        if (spec.topology() == data.window().topology()) {
            // the same check guards the trainer, for users who build the network themselves
            IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> Trainer.fit(
                    NetworkFactory.create(spec), data.train(), data.validation(), TrainerOptions.of(1)));
            assertTrue(t.getMessage().contains(message.replace("the spec", "the network")), t.getMessage());
        }
    }

    @Test
    void specFromTheDataFits() {
        DataFit.require(fitted(WEATHER).build(), WEATHER);
        DataFit.require(fitted(PRICES).build(), PRICES);
        assertEquals(new NetworkShape(5, 5, Task.CLASSIFICATION, 0), NetworkShape.of(NetworkFactory.create(fitted(WEATHER).build())));
        assertEquals(new NetworkShape(1, 1, Task.REGRESSION, 3), NetworkShape.of(NetworkFactory.create(fitted(PRICES).build())));
    }

    /** DL4J alone throws "Per output masking for MCXENT + softmax" on this batch with a label mask; rnnkit trains it. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void oneExampleOfOneStepTrains(CellType cell) {
        SequenceSet one = SequenceSet.classification(List.of(new SequenceSample(new double[][]{{0, 1, 0}},
                new double[][]{{2}}, 0)), 3, 3, Topology.MANY_TO_ONE);
        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE)
                .setInputSize(3).setHiddenSizes(4).setOutputSize(3).setTask(Task.CLASSIFICATION).build());
        double before = Trainer.loss(net, one);
        Trainer.fit(net, one, one, TrainerOptions.of(20).withBatchSize(1));
        assertTrue(Trainer.loss(net, one) < before, "loss " + before + " -> " + Trainer.loss(net, one));
        // the same batch with its [1, 1] label mask spelled out, as a user's own DataSet has it
        DataSet ds = one.toDataSet();
        DataSet masked = new DataSet(ds.getFeatures(), ds.getLabels(), null, Nd4j.ones(DataType.FLOAT, 1, 1));
        double score = net.score(masked);
        net.fit(masked);
        assertTrue(net.score(masked) < score, "score " + score + " -> " + net.score(masked));
    }
}
