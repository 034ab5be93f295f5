/**
 * Step-at-a-time prediction that keeps the recurrent state between calls and equals the
 * full-sequence forward pass.
 */
package io.github.rnnkit.core.stream;
