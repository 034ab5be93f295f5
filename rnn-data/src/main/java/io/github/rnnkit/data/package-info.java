/**
 * rnnkit's data side: series to windows to DataVec sequence iterators, with errors ({@link
 * io.github.rnnkit.data.DataException}) that name the file, line and column.
 */
package io.github.rnnkit.data;
