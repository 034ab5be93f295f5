/**
 * Series read from CSV by column: categorical series with vocabularies, and price series of one or
 * more numeric features, with their dates.
 */
package io.github.rnnkit.data.series;
