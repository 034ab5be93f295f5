package io.github.rnnkit.core.run;

import io.github.rnnkit.data.prep.WindowedDataset;

import java.io.Serializable;

/**
 * How to build a dataset, as a value that travels to wherever a task runs (a pool thread, a Spark
 * executor) and builds the same windows there: a sample's id, a file's path, a generator's seed,
 * never the windows themselves. Building must be deterministic, since every task builds its own.
 * A lambda serves: {@code DatasetRecipe r = () -> CategoricalDataset.builder(...).build();} is
 * serialisable because this interface is.
 */
@FunctionalInterface
public interface DatasetRecipe extends Serializable {
    /** @return the windows, split and scaled, the same on every call */
    WindowedDataset build();
}
