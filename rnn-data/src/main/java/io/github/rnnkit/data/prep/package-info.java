/**
 * The whole pipeline in one builder: a series split chronologically, vocabulary or scalers fitted
 * on the training part, each part cut into windows.
 */
package io.github.rnnkit.data.prep;
