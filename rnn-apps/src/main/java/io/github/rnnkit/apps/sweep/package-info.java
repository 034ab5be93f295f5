/** {@code rnnkit sweep}: a hyper-parameter grid scored on walk-forward folds, its winner tested once against the baselines. */
package io.github.rnnkit.apps.sweep;
