/**
 * The {@code rnnkit memory} walkthrough: the longest dependency each cell learns on the adding
 * problem and delayed recall, swept over lags.
 */
package io.github.rnnkit.apps.memory;
