package io.github.rnnkit.apps.sweep;

import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TaskOutcome;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep gave.
 *
 * @param dir       the run folder
 * @param report    report.md
 * @param runner    where the tasks ran
 * @param ranked    every configuration, best mean validation loss first
 * @param finals    the winner retrained per seed and scored on the test part
 * @param model     the kept model bundle of the winner (first seed), or null when its training failed
 * @param seconds   wall time of the whole sweep
 */
public record SweepResult(Path dir, Path report, String runner, List<SweepGrid.Scored> ranked, List<TaskOutcome> finals,
                          Path model, double seconds) {
    /** @return how many of the winner's seeds beat every baseline significantly (p &lt; 0.05) */
    public long seedsBeatingAllBaselines() {
        return finals.stream().filter(TaskOutcome::beatsAllBaselines).count();
    }
}
