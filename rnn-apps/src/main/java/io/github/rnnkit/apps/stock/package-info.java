/**
 * The {@code rnnkit stock} walkthrough: the one-unit toy RNN by hand, vanishing and exploding
 * gradients measured, and price forecasts against naive and drift.
 */
package io.github.rnnkit.apps.stock;
