package io.github.rnnkit.data.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward folds for backtesting: each fold trains on the past and tests on the block of
 * steps that follows it; the next fold moves the test block forward by {@code step}.
 * With an expanding window the training part always starts at 0 and grows; with a sliding
 * window it keeps its initial length. Folds have no validation part; split one off the training
 * part if early stopping needs it.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /**
     * @param n            number of steps in the series
     * @param initialTrain steps in the first training part
     * @param testSize     steps in each test block
     * @param step         steps the test block moves between folds (often {@code testSize})
     * @param expanding    true for an expanding training window, false for a sliding one
     * @return the folds in time order; the last test block ends at or before {@code n}
     */
    public static List<ChronoSplit> folds(int n, int initialTrain, int testSize, int step, boolean expanding) {
        if (initialTrain < 1 || testSize < 1 || step < 1) {
            throw new IllegalArgumentException("initial train, test size and step must be at least 1; got "
                    + initialTrain + ", " + testSize + ", " + step);
        }
        if (initialTrain + testSize > n) {
            throw new IllegalArgumentException("a series of " + n + " steps is too short for one fold of "
                    + initialTrain + " training and " + testSize + " test steps");
        }
        List<ChronoSplit> folds = new ArrayList<>();
        for (int testFrom = initialTrain; testFrom + testSize <= n; testFrom += step) {
            int trainFrom = expanding ? 0 : testFrom - initialTrain;
            folds.add(new ChronoSplit(new IndexRange(trainFrom, testFrom), new IndexRange(testFrom, testFrom),
                    new IndexRange(testFrom, testFrom + testSize)));
        }
        return folds;
    }

    /**
     * Walk-forward validation folds for model selection that never touch the test part: the
     * development part (what {@code f} puts before its test part) ends in {@code k} consecutive
     * validation blocks, each as long as {@code f}'s validation part; fold {@code j} trains on
     * everything before its block and validates on the block. The last fold is {@code f}'s own
     * train/validation split. Every fold's test part is empty.
     *
     * @param n steps in the series
     * @param f the split whose test part stays held out
     * @param k folds, at least 1
     * @return the folds in time order
     * @throws IllegalArgumentException when the first fold's training part would be shorter than
     *                                  one validation block
     */
    public static List<ChronoSplit> validationFolds(int n, SplitFractions f, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("folds: at least 1, got " + k);
        }
        ChronoSplit whole = ChronoSplit.byFraction(n, f);
        int block = whole.validation().length();
        int end = whole.validation().to();
        if (block < 1) {
            throw new IllegalArgumentException("walk-forward folds need a validation part; the split " + f + " has none");
        }
        int firstTrain = end - k * block;
        if (firstTrain < block) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d walk-forward folds of %d validation steps "
                    + "leave the first fold %d training steps of a %d-step series; use fewer folds", k, block, Math.max(0, firstTrain), n));
        }
        List<ChronoSplit> folds = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int from = firstTrain + j * block;
            folds.add(new ChronoSplit(new IndexRange(0, from), new IndexRange(from, from + block),
                    new IndexRange(from + block, from + block)));
        }
        return folds;
    }
}
