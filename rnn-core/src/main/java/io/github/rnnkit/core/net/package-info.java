/**
 * From spec to network: {@link io.github.rnnkit.core.net.NetworkFactory} (the one place a spec
 * becomes a DL4J configuration), {@link io.github.rnnkit.core.net.RnnNetwork} (truncated BPTT that
 * is correct), the checks of a network against its data, and model files.
 */
package io.github.rnnkit.core.net;
