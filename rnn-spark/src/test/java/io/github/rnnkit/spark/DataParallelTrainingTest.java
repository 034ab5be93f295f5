package io.github.rnnkit.spark;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.DataParallelMethod;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.window.WindowSpec;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rnnkit's GRU trained data-parallel by dl4j-spark's parameter averaging in local[2]: it learns, and bad sizes are refused.
 * Gradient sharing is not tested here: one epoch of it hung for the whole 600 s deadline in a CI run (docs/SCALING-OUT.md).
 */
class DataParallelTrainingTest {
    @Test
    void parameterAveragingTrainsRnnkitsGru() {
        PriceDataset data = PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(600, 3)).window(WindowSpec.manyToOne(10))
                .split(SplitFractions.DEFAULT).build();
        ModelSpec spec = ModelSpec.builder().setCell(CellType.GRU).setHiddenSizes(8).optUpdater(UpdaterKind.ADAM, 0.01).optSeed(2)
                .setDataShape(data).build();
        RnnNetwork net = NetworkFactory.create(spec);
        double before = Trainer.loss(net, data.validation());
        try (JavaSparkContext sc = SparkRunner.context("local[2]", 1)) {
            DataParallelTraining.Result r = DataParallelTraining.fit(sc, net, data.train(), data.validation(), 3, 16, 2,
                    DataParallelMethod.PARAMETER_AVERAGING, 2, 1);
            assertEquals(3, r.validationLoss().size());
            double after = r.validationLoss().get(2);
            assertTrue(after < before / 2, "validation loss " + before + " -> " + r.validationLoss());
            assertEquals(after, Trainer.loss(r.network(), data.validation()), 1e-12, "the result holds the trained network");
            assertThrows(IllegalArgumentException.class, () -> DataParallelTraining.fit(sc, net, data.train(), data.validation(), 1, 16,
                    0, DataParallelMethod.PARAMETER_AVERAGING, 2, 1));
        }
    }
}
