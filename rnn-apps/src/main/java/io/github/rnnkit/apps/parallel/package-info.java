/**
 * The {@code rnnkit parallel} walkthrough: what minGRU and minLSTM's parallel scan buys in time
 * against look-back, and what it costs in accuracy on memory tasks, beside the classic cells.
 */
package io.github.rnnkit.apps.parallel;
