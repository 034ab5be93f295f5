/**
 * The {@code rnnkit data} command: a profile of a column before modelling (length, dates and gaps,
 * categories or price statistics, baselines, windows per split).
 */
package io.github.rnnkit.apps.data;
