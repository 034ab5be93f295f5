/**
 * The {@code rnnkit bench} command: median training and inference step times of the three cells on
 * the configurations of the PyTorch reference benchmark (docs/BENCHMARKS.md).
 */
package io.github.rnnkit.apps.bench;
