/**
 * The {@code rnnkit forward} command: a model file's output at every step for one input sequence.
 */
package io.github.rnnkit.apps.forward;
