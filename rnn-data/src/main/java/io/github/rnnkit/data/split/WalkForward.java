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
}
