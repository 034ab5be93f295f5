package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Selective copying (Gu and Dao 2023, the task Feng et al. 2024 train minGRU and minLSTM on):
 * {@code tokens} data symbols scattered at random positions among blank steps; the network must
 * give back the data symbols in order. Their positions vary, so a network cannot count steps: it
 * must notice each symbol when it comes and keep all of them, in order, to the end.
 *
 * <p>Here the answer is asked for one position at a time, so the task is many-to-one: the last
 * step is a query naming a position q in {@code [0, tokens)}, and the target is the q-th data symbol.
 * The query comes only at the end, so the network still has to hold every symbol and its place,
 * as in the original, and per-query accuracy estimates the original's per-token accuracy.
 *
 * <p>Each step has {@code vocabulary + 1 + tokens} features: the symbol one-hot (data steps), a
 * blank flag (blank steps), and at the last step the query position one-hot. A sequence has
 * {@code length} steps before the query. Guessing gives an accuracy of 1 / vocabulary.
 */
public final class SelectiveCopy {
    private SelectiveCopy() {
    }

    /**
     * @param count      number of sequences
     * @param length     steps before the query, at least {@code tokens}
     * @param tokens     data symbols per sequence, at least 1
     * @param vocabulary number of distinct symbols, at least 2
     * @param seed       seed in {@code [0, 2^32)}
     * @return a many-to-one classification set of sequences of {@code length + 1} steps,
     *         {@code vocabulary + 1 + tokens} features and {@code vocabulary} classes
     */
    public static SequenceSet generate(int count, int length, int tokens, int vocabulary, long seed) {
        if (count < 1 || tokens < 1 || vocabulary < 2 || length < tokens) {
            throw new IllegalArgumentException("need count >= 1, tokens >= 1, vocabulary >= 2 and length >= tokens; got count "
                    + count + ", length " + length + ", tokens " + tokens + ", vocabulary " + vocabulary);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        int features = vocabulary + 1 + tokens;
        List<SequenceSample> samples = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            double[][] x = new double[length + 1][features];
            boolean[] data = choose(rng, length, tokens);
            int[] symbols = new int[tokens];
            int next = 0;
            for (int t = 0; t < length; t++) {
                if (data[t]) {
                    symbols[next] = rng.randint(vocabulary);
                    x[t][symbols[next]] = 1;
                    next++;
                } else {
                    x[t][vocabulary] = 1;
                }
            }
            int query = rng.randint(tokens);
            x[length][vocabulary + 1 + query] = 1;
            samples.add(new SequenceSample(x, new double[][]{{symbols[query]}}, n));
        }
        return SequenceSet.classification(samples, features, vocabulary, Topology.MANY_TO_ONE);
    }

    /** @return {@code k} of {@code n} positions, each set of k equally likely (Floyd's algorithm) */
    private static boolean[] choose(NumpyRandom rng, int n, int k) {
        boolean[] chosen = new boolean[n];
        for (int j = n - k; j < n; j++) {
            int t = rng.randint(j + 1);
            chosen[chosen[t] ? j : t] = true;
        }
        return chosen;
    }
}
