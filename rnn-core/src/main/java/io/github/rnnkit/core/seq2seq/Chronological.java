package io.github.rnnkit.core.seq2seq;

/**
 * The encoder-decoder's chronological 70/15/15 split of a series of n steps: training windows end
 * before {@link #trainEnd}, validation targets lie in {@code [trainEnd, validationEnd)}, test targets
 * after. One place, so that prices and categories split alike.
 */
final class Chronological {
    private Chronological() {
    }

    /** @return the end (exclusive) of the training part */
    static int trainEnd(int n) {
        return (int) Math.round(n * 0.7);
    }

    /** @return the end (exclusive) of the validation part */
    static int validationEnd(int n) {
        return (int) Math.round(n * 0.85);
    }

    /**
     * @throws IllegalArgumentException when a part cannot hold one window of {@code window} steps
     *                                  and {@code horizon} ahead
     */
    static void requireRoom(int n, int window, int horizon) {
        int trainEnd = trainEnd(n);
        int valEnd = validationEnd(n);
        if (trainEnd - window - horizon < 1 || valEnd - trainEnd < horizon + 1 || n - valEnd < horizon + 1) {
            throw new IllegalArgumentException("the series has " + n + " steps: too few for a 70/15/15 split with windows of "
                    + window + " steps and " + horizon + " ahead (give a longer series, or a shorter look-back or horizon)");
        }
    }
}
