package io.github.rnnkit.apps.many;

import io.github.rnnkit.core.run.SeriesSummary;
import io.github.rnnkit.core.run.TaskOutcome;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit many-series} gave.
 *
 * @param dir       the run folder
 * @param report    report.md
 * @param runner    where the per-series models trained
 * @param perSeries one outcome per series from its own model (empty when not asked)
 * @param global    one outcome per series from the global model (empty when not asked)
 * @param paired    the global model against the per-series models, series by series (null unless both ran)
 * @param seconds   wall time
 */
public record ManySeriesResult(Path dir, Path report, String runner, List<TaskOutcome> perSeries, List<TaskOutcome> global,
                               SeriesSummary.Paired paired, double seconds) {
}
