package io.github.rnnkit.data.synth;

/**
 * Sequence-to-sequence pairs whose output needs the whole input: random symbols to be copied or
 * reversed (the task of Sutskever et al. 2014's reversal trick and of the bottleneck experiments
 * after Cho et al. 2014). Source lengths are drawn uniformly from {@code [minLength, maxLength]}.
 *
 * @param sources    the source symbols of each pair, each in {@code [0, vocabulary)}
 * @param targets    the target symbols: the source copied or reversed
 * @param vocabulary the number of distinct symbols
 */
public record SymbolSequences(int[][] sources, int[][] targets, int vocabulary) {

    /** What the target is. */
    public enum Kind {
        /** The source as it is. */
        COPY,
        /** The source backwards. */
        REVERSE
    }

    /**
     * @param kind       copy or reverse
     * @param count      pairs, at least 1
     * @param minLength  the shortest source, at least 1
     * @param maxLength  the longest source, at least minLength
     * @param vocabulary distinct symbols, at least 2
     * @param seed       seed in {@code [0, 2^32)}
     * @return the pairs
     */
    public static SymbolSequences generate(Kind kind, int count, int minLength, int maxLength, int vocabulary, long seed) {
        if (count < 1 || minLength < 1 || maxLength < minLength || vocabulary < 2) {
            throw new IllegalArgumentException("need count >= 1, 1 <= minLength <= maxLength and vocabulary >= 2; got count "
                    + count + ", lengths " + minLength + " to " + maxLength + ", vocabulary " + vocabulary);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        int[][] sources = new int[count][];
        int[][] targets = new int[count][];
        for (int n = 0; n < count; n++) {
            int length = minLength + rng.randint(maxLength - minLength + 1);
            sources[n] = new int[length];
            targets[n] = new int[length];
            for (int t = 0; t < length; t++) {
                sources[n][t] = rng.randint(vocabulary);
            }
            for (int t = 0; t < length; t++) {
                targets[n][t] = kind == Kind.COPY ? sources[n][t] : sources[n][length - 1 - t];
            }
        }
        return new SymbolSequences(sources, targets, vocabulary);
    }
}
