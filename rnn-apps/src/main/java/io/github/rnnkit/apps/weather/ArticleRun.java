package io.github.rnnkit.apps.weather;

import io.github.rnnkit.core.spec.CellType;

import java.util.List;

/**
 * One network of the article's experiment on uniformly random weather.
 *
 * @param cell              the cell
 * @param lookBack          days of history per forecast
 * @param params            trainable parameters
 * @param trainWindows      windows trained on (full batch)
 * @param testWindows       later windows held out
 * @param trainLoss         cross-entropy on the training windows after each epoch (nats)
 * @param heldOutLoss       cross-entropy on the held-out windows after each epoch (nats), NaN for epochs not
 *                          scored (only the first, every fifth and the last are): watched, never used to
 *                          choose or stop anything
 * @param testAccuracy      share of held-out next days forecast right
 * @param pBetterThanChance one-sided binomial p-value of that accuracy against 1/3
 * @param gradientByDistance mean ‖∂L/∂x_t‖ on held-out windows, element d at d steps before the last input
 * @param nextDay           forecast of day 1,501 from the last {@code lookBack} days
 * @param seconds           training wall time
 */
public record ArticleRun(CellType cell, int lookBack, long params, int trainWindows, int testWindows, List<Double> trainLoss, List<Double> heldOutLoss,
                         double testAccuracy, double pBetterThanChance, double[] gradientByDistance, NextDay nextDay,
                         double seconds) {
}
