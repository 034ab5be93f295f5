package io.github.rnnkit.apps.stock;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit stock} produced.
 *
 * @param dir       the run folder
 * @param report    its report.md
 * @param files     every file written
 * @param series    the price series' name (file and column, or the GBM's parameters)
 * @param toy       part 1: the toy worked by hand and by the network
 * @param decay     part 2: gradient decay against spectral radius
 * @param forecasts part 3: one forecast per cell
 * @param exploding part 3: the exploding-gradient runs, without clipping first
 * @param multiStep part 3: the LSTM forecasting {@link StockApp#HORIZON} days at once
 */
public record StockResult(Path dir, Path report, List<Path> files, String series, ToyTrace toy, GradientDecay decay,
                          List<CellForecast> forecasts, List<ExplodingRun> exploding, MultiStepForecast multiStep) {
}
