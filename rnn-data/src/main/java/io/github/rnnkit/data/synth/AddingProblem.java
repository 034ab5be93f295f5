package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997): each step has two inputs, a value drawn
 * uniformly from [0, 1) and a marker that is 1 at exactly two steps, one in the first half and one
 * in the second; the target is the sum of the two marked values. The first marker can be up to
 * {@code length} steps before the end, so the task measures how far back a network can carry
 * information. Predicting the mean sum 1.0 always gives a mean squared error of about 1/6.
 */
public final class AddingProblem {
    /** Mean squared error of always predicting 1.0, the expected sum: Var(U1 + U2) = 1/6. */
    public static final double BASELINE_MSE = 1.0 / 6.0;

    private AddingProblem() {
    }

    /**
     * @param count  number of sequences
     * @param length steps per sequence, at least 2
     * @param seed   seed in {@code [0, 2^32)}
     * @return a many-to-one regression set: 2 features, 1 target
     */
    public static SequenceSet generate(int count, int length, long seed) {
        if (count < 1 || length < 2) {
            throw new IllegalArgumentException("need at least 1 sequence of at least 2 steps; got " + count + " of " + length);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        List<SequenceSample> samples = new ArrayList<>(count);
        int half = length / 2;
        for (int i = 0; i < count; i++) {
            double[][] x = new double[length][2];
            for (int t = 0; t < length; t++) {
                x[t][0] = rng.nextDouble();
            }
            int a = rng.randint(half);
            int b = half + rng.randint(length - half);
            x[a][1] = 1;
            x[b][1] = 1;
            samples.add(new SequenceSample(x, new double[][]{{x[a][0] + x[b][0]}}, i));
        }
        return SequenceSet.regression(samples, 2, 1, Topology.MANY_TO_ONE);
    }
}
