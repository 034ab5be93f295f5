package io.github.rnnkit.apps.compare;

import io.github.rnnkit.core.eval.ModelRanking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code rnnkit compare} produced.
 *
 * @param dir            the run folder
 * @param report         its report.md
 * @param files          every file written
 * @param data           what the data was
 * @param metric         the metric's name: accuracy or RMSE
 * @param higherIsBetter true for accuracy
 * @param cells          one result per cell
 * @param baselines      each baseline's test metric, by name
 * @param ranking        the cells' test metrics over seeds and their paired tests (null for one cell)
 * @param variants       the LSTM as compared, stacked two layers deep and bidirectional, on the same seeds
 *                       (empty when the LSTM was not compared)
 * @param variantRanking the variants' test metrics over seeds and their paired tests (null when no variants ran)
 * @param ranOn          where the trainings ran, e.g. {@code 1 thread in this process} or {@code Spark local[2]}
 */
public record CompareResult(Path dir, Path report, List<Path> files, String data, String metric, boolean higherIsBetter,
                            List<CellComparison> cells, Map<String, Double> baselines, ModelRanking ranking,
                            List<Variant> variants, ModelRanking variantRanking, String ranOn) {
}
