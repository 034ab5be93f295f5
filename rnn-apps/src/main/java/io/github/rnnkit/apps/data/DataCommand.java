package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.apps.common.KindConverter;
import io.github.rnnkit.apps.common.SeriesInputOptions;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.split.SplitFractions;
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

    @Option(names = "--look-back", paramLabel = "N", defaultValue = "10", description = "window look-back (default: ${DEFAULT-VALUE})")
    int lookBack;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "1",
            description = "steps to forecast; above 1 plans seq2seq windows (default: ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--split", paramLabel = "F", defaultValue = "0.7,0.15,0.15",
            description = "train,validation,test fractions (default: ${DEFAULT-VALUE})")
    String split;

    @Override
    public Integer call() {
        WindowSpec window = WindowSpec.of(horizon > 1 ? Topology.SEQ2SEQ : Topology.MANY_TO_ONE, lookBack, horizon);
        DataOptions options = new DataOptions(input.toInput(), kind, window, SplitFractions.parse(split));
        spec.commandLine().getOut().print(DataReportText.render(DataSummaryApp.run(options)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
