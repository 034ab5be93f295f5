/**
 * Profiles of a column before modelling: categories or price statistics, date spans and gaps, and
 * how many windows each split gives.
 */
package io.github.rnnkit.data.summary;
