/**
 * Scalers fitted on the training part only and invertible, so that forecasts come back in prices:
 * min-max, z-score and log-returns.
 */
package io.github.rnnkit.data.scale;
