package io.github.rnnkit.core;

import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Random inputs, labels and masks for a spec, in the layout rnn-data's iterators give. */
public final class TestArrays {
    private TestArrays() {
    }

    /**
     * @param spec   the network the data is for
     * @param mb     minibatch size
     * @param steps  input length
     * @param masked true for random lengths in [1, steps] with feature (and label) masks
     * @param seed   random seed
     */
    public static DataSet data(ModelSpec spec, int mb, int steps, boolean masked, long seed) {
        Random rnd = new Random(seed);
        DataType type = spec.dataType();
        INDArray features = Nd4j.rand(type, mb, spec.inputSize(), steps).subi(0.5).muli(2);
        INDArray fMask = null;
        int[] lengths = new int[mb];
        for (int i = 0; i < mb; i++) {
            lengths[i] = masked ? 1 + rnd.nextInt(steps) : steps;
        }
        if (masked) {
            fMask = Nd4j.zeros(type, mb, steps);
            for (int i = 0; i < mb; i++) {
                for (int t = 0; t < lengths[i]; t++) {
                    fMask.putScalar(i, t, 1.0);
                }
            }
            features.muli(fMask.reshape(mb, 1, steps).broadcast(features.shape()));
        }
        int labelSteps = spec.topology() == Topology.SEQ2SEQ ? spec.horizon() : steps;
        INDArray labels = Nd4j.zeros(type, mb, spec.outputSize(), labelSteps);
        INDArray lMask = null;
        if (spec.topology() == Topology.MANY_TO_ONE) {
            lMask = Nd4j.zeros(type, mb, steps);
            for (int i = 0; i < mb; i++) {
                lMask.putScalar(i, lengths[i] - 1, 1.0);
            }
        } else if (spec.topology() == Topology.MANY_TO_MANY && masked) {
            lMask = fMask.dup();
        }
        for (int i = 0; i < mb; i++) {
            for (int t = 0; t < labelSteps; t++) {
                if (spec.task() == Task.CLASSIFICATION) {
                    labels.putScalar(i, rnd.nextInt(spec.outputSize()), t, 1.0);
                } else {
                    for (int k = 0; k < spec.outputSize(); k++) {
                        labels.putScalar(i, k, t, rnd.nextGaussian());
                    }
                }
            }
        }
        // As rnn-data's iterators do: a mask in which every step is real is left out (DL4J also
        // mistakes a [1, 1] label mask for a per-output mask).
        return new DataSet(features, labels, allOnes(fMask) ? null : fMask, allOnes(lMask) ? null : lMask);
    }

    private static boolean allOnes(INDArray mask) {
        return mask != null && mask.minNumber().doubleValue() == 1.0;
    }
}
