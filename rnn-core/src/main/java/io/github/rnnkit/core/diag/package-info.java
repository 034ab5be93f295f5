/**
 * Diagnostics that show why a network learns or not: input-gradient norms by distance from the
 * loss, gradient clipping statistics, spectral radii of recurrent weights.
 */
package io.github.rnnkit.core.diag;
