/**
 * Look-back windows for the three topologies (many-to-one, many-to-many, seq2seq) and the sets of
 * sequences they make.
 */
package io.github.rnnkit.data.window;
