package io.github.rnnkit.apps.train;

import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.train.TrainingHistory;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit train} produced.
 *
 * @param out         the run folder
 * @param model       the bundle folder
 * @param report      report.md
 * @param history     the training history
 * @param categorical the test evaluation of a categorical model, else null
 * @param price       the test evaluation of a price model, else null
 */
public record TrainResult(Path out, Path model, Path report, TrainingHistory history, CategoricalEvaluation categorical,
                          PriceEvaluation price) {
    /** @return the model against each baseline on the test part */
    public List<Comparison> comparisons() {
        return categorical != null ? categorical.comparisons() : price.comparisons();
    }
}
