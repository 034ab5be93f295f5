package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.apps.common.KindConverter;
import io.github.rnnkit.apps.common.SeriesInputOptions;
import io.github.rnnkit.apps.common.WindowOptions;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.window.WindowSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code rnnkit data}: profile a series before modelling it. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Profile a series before modelling it.",
                "One column of a CSV file (or a bundled sample): length, dates, categories with counts or price",
                "statistics, missing values, the simplest baselines, and the windows a look-back gives per split."})
public final class DataCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    SeriesInputOptions input;

    @Option(names = "--kind", paramLabel = "KIND", description = "categorical or price (default: inferred from the values)",
            converter = KindConverter.class)
    SeriesKind kind;

    @picocli.CommandLine.Mixin
    WindowOptions window;

    @Override
    public Integer call() {
        WindowSpec windows = WindowSpec.of(window.horizon > 1 ? Topology.SEQ2SEQ : Topology.MANY_TO_ONE, window.lookBack,
                window.horizon);
        DataOptions options = new DataOptions(input.toInput(), kind, windows, window.split());
        spec.commandLine().getOut().print(DataReportText.render(DataSummaryApp.run(options)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
