package io.github.rnnkit.apps.compare;

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
 * @param history            how training went
 * @param trainMetric        accuracy (categories) or RMSE in the series' units (prices) on the training windows
 * @param testMetric         the same on the test windows
 * @param gradientByDistance mean ‖∂L/∂x_t‖ on up to 64 test windows, element d at d steps before the last input
 * @param comparisons        the model against each baseline on the test part
 */
public record CellComparison(CellType cell, int hidden, long params, TrainingHistory history, double trainMetric,
                             double testMetric, double[] gradientByDistance, List<Comparison> comparisons) {
    /** @return mean wall time of an epoch, seconds */
    public double secondsPerEpoch() {
        return history.secondsPerEpoch();
    }
}
