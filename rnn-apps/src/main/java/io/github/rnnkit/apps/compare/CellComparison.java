package io.github.rnnkit.apps.compare;

import io.github.rnnkit.core.eval.ModelRanking;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.train.TrainingHistory;

import java.util.List;

/**
 * One cell of a comparison.
 *
 * @param cell               the cell
 * @param hidden             its hidden size
 * @param params             trainable parameters
 * @param history            how training went, with the first seed
 * @param trainBySeed        accuracy (categories) or RMSE in the series' units (prices) on the training windows, per seed
 * @param testBySeed         the same on the test windows
 * @param gradientByDistance mean ‖∂L/∂x_t‖ on up to 64 test windows, element d at d steps before the last input (first seed)
 * @param comparisons        the seeds' mean against each baseline on the test part (Diebold-Mariano on per-window
 *                           losses averaged over the seeds)
 */
public record CellComparison(CellType cell, int hidden, long params, TrainingHistory history, double[] trainBySeed,
                             double[] testBySeed, double[] gradientByDistance, List<Comparison> comparisons) {
    /** @return the training metric's mean over seeds */
    public double trainMetric() {
        return java.util.Arrays.stream(trainBySeed).average().orElse(Double.NaN);
    }

    /** @return the test metric's mean over seeds */
    public double testMetric() {
        return java.util.Arrays.stream(testBySeed).average().orElse(Double.NaN);
    }

    /** @return the test metric's sample standard deviation over seeds (0 for one seed) */
    public double testSd() {
        return ModelRanking.sd(testBySeed);
    }

    /** @return mean wall time of an epoch, seconds */
    public double secondsPerEpoch() {
        return history.secondsPerEpoch();
    }
}
