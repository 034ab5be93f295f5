/**
 * The immutable, validated {@link io.github.rnnkit.core.spec.ModelSpec} and the options it is made
 * of: cell, task, clipping, truncated BPTT, updater, parameter budgets.
 */
package io.github.rnnkit.core.spec;
