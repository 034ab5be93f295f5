/**
 * The {@code rnnkit train} command: trains on a chronological split, evaluates on the test part
 * next to the baselines, and writes the bundle, report and history.
 */
package io.github.rnnkit.apps.train;
