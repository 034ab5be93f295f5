package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Delayed recall at lag k: random symbols, one of them marked; at the end, name the marked symbol.
 *
 * <p>Each step has {@code alphabet + 1} features: the symbol one-hot, then a marker that is 1 at
 * the symbol to recall and 0 elsewhere. A sequence is {@code prefix} distractor steps, the marked
 * symbol, then {@code k} more distractors, so the answer is always exactly k steps before the last
 * step. The distractors before the mark matter: without them the marked symbol would be the first
 * input, which a network starting from a zero state can latch without ever learning to ignore
 * inputs. Guessing gives an accuracy of 1 / alphabet.
 */
public final class DelayedRecall {
    private DelayedRecall() {
    }

    /**
     * @param count    number of sequences
     * @param prefix   distractor steps before the marked symbol, at least 0
     * @param lag      distractor steps after it, at least 0
     * @param alphabet number of symbols, at least 2
     * @param seed     seed in {@code [0, 2^32)}
     * @return a many-to-one classification set of sequences of {@code prefix + 1 + lag} steps:
     *         {@code alphabet + 1} features, {@code alphabet} classes
     */
    public static SequenceSet generate(int count, int prefix, int lag, int alphabet, long seed) {
        if (count < 1 || alphabet < 2 || lag < 0 || prefix < 0) {
            throw new IllegalArgumentException("need count >= 1, alphabet >= 2, prefix >= 0 and lag >= 0; got count "
                    + count + ", prefix " + prefix + ", lag " + lag + ", alphabet " + alphabet);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        int length = prefix + 1 + lag;
        List<SequenceSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[][] x = new double[length][alphabet + 1];
            for (int t = 0; t < length; t++) {
                x[t][rng.randint(alphabet)] = 1;
            }
            x[prefix][alphabet] = 1;
            int marked = 0;
            while (x[prefix][marked] == 0) {
                marked++;
            }
            samples.add(new SequenceSample(x, new double[][]{{marked}}, i));
        }
        return SequenceSet.classification(samples, alphabet + 1, alphabet, Topology.MANY_TO_ONE);
    }
}
