/** {@code rnnkit many-series}: one model per series or one global model over a long-format file, each series against its baselines. */
package io.github.rnnkit.apps.many;
