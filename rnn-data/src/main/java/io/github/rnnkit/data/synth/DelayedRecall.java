package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Delayed recall at lag k: a sequence of random symbols (one-hot over an alphabet), and the
 * target is the symbol seen {@code k} steps before the last one. Solving it needs a memory of at
 * least k steps; guessing gives an accuracy of 1 / alphabet.
 */
public final class DelayedRecall {
    private DelayedRecall() {
    }

    /**
     * @param count    number of sequences
     * @param length   steps per sequence, more than {@code lag}
     * @param lag      how many steps before the last the recalled symbol is (0 = the last one)
     * @param alphabet number of symbols, at least 2
     * @param seed     seed in {@code [0, 2^32)}
     * @return a many-to-one classification set: {@code alphabet} features and classes
     */
    public static SequenceSet generate(int count, int length, int lag, int alphabet, long seed) {
        if (count < 1 || alphabet < 2 || lag < 0 || length <= lag) {
            throw new IllegalArgumentException("need count >= 1, alphabet >= 2, 0 <= lag < length; got count " + count
                    + ", length " + length + ", lag " + lag + ", alphabet " + alphabet);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        List<SequenceSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[][] x = new double[length][alphabet];
            int[] symbols = new int[length];
            for (int t = 0; t < length; t++) {
                symbols[t] = rng.randint(alphabet);
                x[t][symbols[t]] = 1;
            }
            samples.add(new SequenceSample(x, new double[][]{{symbols[length - 1 - lag]}}, i));
        }
        return SequenceSet.classification(samples, alphabet, alphabet, Topology.MANY_TO_ONE);
    }
}
