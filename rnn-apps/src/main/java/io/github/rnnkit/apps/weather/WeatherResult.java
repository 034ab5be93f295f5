package io.github.rnnkit.apps.weather;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit weather} produced.
 *
 * @param dir     the run folder
 * @param report  its report.md
 * @param files   every file written
 * @param article the article's experiment, one run per (cell, look-back)
 * @param seattle the Seattle data, one run per cell
 */
public record WeatherResult(Path dir, Path report, List<Path> files, List<ArticleRun> article, List<SeattleRun> seattle) {
}
