/**
 * CSV input read through DataVec's record readers: tables by column name, with line numbers for
 * errors.
 */
package io.github.rnnkit.data.csv;
