package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.MissingValues;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rnnkit data}: profile a series before modelling it. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Profile a series before modelling it.",
                "One column of a CSV file (or a bundled sample): length, dates, categories with counts or price",
                "statistics, missing values, the simplest baselines, and the windows a look-back gives per split."})
public final class DataCommand implements Callable<Integer> {

    static final class Input {
        @Option(names = "--csv", paramLabel = "FILE", required = true, description = "CSV file with a header row")
        Path csv;

        @Option(names = "--sample", paramLabel = "NAME", required = true,
                description = "bundled sample instead of a file: seattle-weather")
        String sample;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--column", paramLabel = "NAME", description = "column to profile (required with --csv)")
    String column;

    @Option(names = "--kind", paramLabel = "KIND", description = "categorical or price (default: inferred from the values)",
            converter = KindConverter.class)
    SeriesKind kind;

    @Option(names = "--date-column", paramLabel = "NAME", description = "date column (default: one named 'date', if any)")
    String dateColumn;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
            description = "blank values: error, drop or ffill (default: ${DEFAULT-VALUE})", converter = MissingConverter.class)
    MissingValues missing;

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
        DataOptions options = new DataOptions(input.csv, input.sample == null ? null : SampleDataset.byId(input.sample),
                column, kind, dateColumn, missing, window, SplitFractions.parse(split));
        spec.commandLine().getOut().print(DataReportText.render(DataSummaryApp.run(options)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<SeriesKind> {
        @Override
        public SeriesKind convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "categorical" -> SeriesKind.CATEGORICAL;
                case "price" -> SeriesKind.PRICE;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a kind; expected categorical or price");
            };
        }
    }

    static final class MissingConverter implements picocli.CommandLine.ITypeConverter<MissingValues> {
        @Override
        public MissingValues convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "error" -> MissingValues.ERROR;
                case "drop" -> MissingValues.DROP;
                case "ffill", "forward-fill" -> MissingValues.FORWARD_FILL;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a missing-value policy; expected error, drop or ffill");
            };
        }
    }
}
