/**
 * Chronological splits into training, validation and test parts by fraction or date, and
 * walk-forward folds; no window crosses a boundary.
 */
package io.github.rnnkit.data.split;
