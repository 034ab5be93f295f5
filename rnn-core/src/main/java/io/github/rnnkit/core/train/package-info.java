/**
 * Training: epochs of shuffled minibatches, validation every epoch, early stopping with the best
 * epoch restored, checkpoints, progress, a clear stop when the loss diverges, and the history.
 */
package io.github.rnnkit.core.train;
