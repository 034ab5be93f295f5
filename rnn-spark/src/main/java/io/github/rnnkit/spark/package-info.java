/**
 * rnnkit on Apache Spark: a plan of independent trainings ({@code io.github.rnnkit.core.run})
 * run across Spark executors, embedded in-process with {@code local[*]} or on a cluster.
 * Optional: the library and the {@code ./rnnkit} launcher do not build or download it.
 */
package io.github.rnnkit.spark;
