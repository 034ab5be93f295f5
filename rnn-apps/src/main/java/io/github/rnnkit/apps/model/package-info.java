/**
 * The {@code rnnkit predict} and {@code rnnkit evaluate} commands: thin shells over {@link
 * io.github.rnnkit.core.forecast.Forecaster}.
 */
package io.github.rnnkit.apps.model;
