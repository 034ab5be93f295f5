package io.github.rnnkit.core.net;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.MarkovWeather;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each cell learns real signal: on Markov-chain weather that keeps today's weather with
 * probability 0.8 (so "same as today" is right 80 % of the time and the majority class about a
 * third), a small network beats the majority-class baseline on held-out days by a wide margin.
 */
class LearningTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void eachCellBeatsTheMajorityClassOnHeldOutMarkovWeather(CellType cell) {
        CategoricalDataset data = CategoricalDataset.builder(MarkovWeather.generate(1000, List.of("sun", "rain", "fog"), 0.8, 11))
                .window(WindowSpec.manyToOne(5)).split(new SplitFractions(0.7, 0, 0.3)).build();
        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE)
                .setInputSize(3).setHiddenSizes(8).setOutputSize(3).setTask(Task.CLASSIFICATION)
                .optUpdater(UpdaterKind.ADAM, 0.02).optSeed(1).build());
        for (int epoch = 0; epoch < 8; epoch++) {
            net.fit(data.train().shuffled(epoch).iterator(32));
        }
        DataSet test = data.test().toDataSet();
        INDArray out = net.output(test.getFeatures(), false, test.getFeaturesMaskArray(), test.getLabelsMaskArray());
        long last = out.size(2) - 1;
        int correct = 0;
        int[] counts = new int[3];
        for (SequenceSample s : data.train().samples()) {
            counts[(int) s.targets()[0][0]]++;
        }
        int majority = counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : counts[1] >= counts[2] ? 1 : 2;
        int majorityRight = 0;
        for (int i = 0; i < data.test().size(); i++) {
            int truth = (int) data.test().get(i).targets()[0][0];
            int predicted = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(last)).argMax().getInt(0);
            correct += predicted == truth ? 1 : 0;
            majorityRight += truth == majority ? 1 : 0;
        }
        double accuracy = correct / (double) data.test().size();
        double baseline = majorityRight / (double) data.test().size();
        assertTrue(accuracy > baseline + 0.2, cell + ": accuracy " + accuracy + " vs majority class " + baseline);
        assertTrue(accuracy > 0.7, cell + ": accuracy " + accuracy + " (persistence is right about 80 % of the time)");
    }
}
