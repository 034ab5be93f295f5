/**
 * The {@code rnnkit weather} walkthrough: the seed article's experiment on uniformly random
 * weather, then every cell on the Seattle weather against its baselines.
 */
package io.github.rnnkit.apps.weather;
