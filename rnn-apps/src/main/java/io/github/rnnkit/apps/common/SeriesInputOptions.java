package io.github.rnnkit.apps.common;

import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.MissingValues;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The command-line options that pick a series: {@code --csv | --sample}, {@code --column}, and so on. */
public final class SeriesInputOptions {

    static final class Source {
        @Option(names = "--csv", paramLabel = "FILE", required = true, description = "CSV file with a header row")
        Path csv;

        @Option(names = "--sample", paramLabel = "NAME", required = true,
                description = "bundled sample instead of a file: seattle-weather")
        String sample;
    }

    // Optional for picocli so that `train --resume DIR` needs no series; toInput requires one.
    // A heading of its own: without one, picocli 4.7 lists a mixin's group options twice in --help.
    @ArgGroup(multiplicity = "0..1", heading = "The series, one of:%n")
    Source source;

    @Option(names = "--column", paramLabel = "NAME", split = ",",
            description = "column to use (required with --csv); prices: several, target first, e.g. close,volume")
    List<String> columns;

    @Option(names = "--date-column", paramLabel = "NAME", description = "date column (default: one named 'date', if any)")
    String dateColumn;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error", converter = MissingConverter.class,
            description = "blank values: error, drop or ffill (default: ${DEFAULT-VALUE})")
    MissingValues missing;

    /** @return the chosen input */
    public SeriesInput toInput() {
        return toInput(null);
    }

    /**
     * @param defaultColumns the columns to use when the user named none
     * @return the chosen input, with these columns when none were named (e.g. a saved model's)
     */
    public SeriesInput toInput(List<String> defaultColumns) {
        if (source == null) {
            throw new IllegalArgumentException("give the series: --csv FILE or --sample NAME");
        }
        List<String> cols = (columns == null || columns.isEmpty()) && defaultColumns != null ? defaultColumns : columns;
        return new SeriesInput(source.csv, source.sample == null ? null : SampleDataset.byId(source.sample), cols,
                dateColumn, missing);
    }

    static final class MissingConverter implements ITypeConverter<MissingValues> {
        @Override
        public MissingValues convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "error" -> MissingValues.ERROR;
                case "drop" -> MissingValues.DROP;
                case "ffill", "forward-fill" -> MissingValues.FORWARD_FILL;
                default -> throw new TypeConversionException(
                        "'" + value + "' is not a missing-value policy; expected error, drop or ffill");
            };
        }
    }
}
