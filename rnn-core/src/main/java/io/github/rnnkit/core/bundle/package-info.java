/**
 * Saved models: a {@link io.github.rnnkit.core.bundle.ModelBundle} folder holds the network, its
 * spec, what it expects of its data (window, vocabulary or scalers) and its provenance.
 */
package io.github.rnnkit.core.bundle;
