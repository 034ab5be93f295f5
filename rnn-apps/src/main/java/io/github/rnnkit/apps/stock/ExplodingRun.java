package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.spec.Clipping;

import java.util.List;

/**
 * One run of the exploding-gradient demonstration: a vanilla RNN trained by plain SGD with a
 * large learning rate on windows of a given length, with or without gradient clipping.
 *
 * @param steps         the windows' length: the steps backpropagation goes back through
 * @param clipping      the clipping used
 * @param loss          training loss after each update (mean squared error, scaled units)
 * @param gradientNorm  ‖g‖ of the recurrent layer's gradient per update, before clipping
 * @param divergedAt    the update whose loss was NaN or infinite, or 0 when training finished
 * @param testRmse      RMSE on the test part in the series' units, NaN when it diverged
 * @param naiveRmse     the naive last-value forecast's RMSE on the same test windows
 */
public record ExplodingRun(int steps, Clipping clipping, List<Double> loss, List<Double> gradientNorm, int divergedAt,
                           double testRmse, double naiveRmse) {
    /** @return true when the loss became NaN or infinite */
    public boolean diverged() {
        return divergedAt > 0;
    }

    /** @return e.g. {@code 50-step windows, no clipping} */
    public String label() {
        return steps + "-step windows, " + (clipping.enabled() ? "clipping " + clipping.describe() : "no clipping");
    }

    /** @return the largest gradient norm seen before clipping */
    public double maxGradientNorm() {
        return gradientNorm.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}
