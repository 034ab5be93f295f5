package io.github.rnnkit.apps.compare;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.run.DatasetRecipe;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.MissingValues;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.synth.UniformWeather;
import io.github.rnnkit.data.window.WindowSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The windows {@code rnnkit compare} trains on, as a recipe each training builds again wherever it
 * runs (a thread, a Spark executor): the dataset, the CSV's path and columns, the look-back, the
 * scaler and the seed of generated prices. A CSV must be readable at the same path where tasks run.
 *
 * @param dataset    which data
 * @param csv        with {@link CompareDataset#CSV}: the file's absolute path, else null
 * @param columns    with a CSV: its columns, target first
 * @param dateColumn with a CSV: the date column, or null
 * @param missing    with a CSV: what to do with blank values
 * @param lookBack   steps per window
 * @param scaler     how price features are scaled
 * @param seed       seed of generated prices
 * @serial exclude
 */
public record CompareData(CompareDataset dataset, String csv, List<String> columns, String dateColumn, MissingValues missing,
                          int lookBack, io.github.rnnkit.data.scale.ScalerKind scaler, long seed) implements DatasetRecipe {
    /**
     * @param o the comparison's options
     * @return the recipe of its windows
     */
    static CompareData of(CompareOptions o) {
        SeriesInput in = o.input();
        return new CompareData(o.dataset(), in == null ? null : in.csv().toAbsolutePath().toString(),
                in == null ? List.of() : in.columns(), in == null ? null : in.dateColumn(),
                in == null ? MissingValues.ERROR : in.missing(), o.lookBack(), o.scaler(), o.seed());
    }

    /** @return a sentence naming the data, for reports */
    String describe() {
        return switch (dataset) {
            case WEATHER -> "the article's uniformly random weather (1,500 days, seed 42)";
            case SEATTLE_WEATHER -> "Seattle daily weather (bundled sample)";
            case GBM -> String.format(Locale.ROOT, "synthetic GBM prices (%d days, seed %d)", CompareApp.GBM_DAYS, seed);
            case CSV -> input().sourceName() + " column " + String.join(",", input().resolvedColumns());
        };
    }

    @Override
    public WindowedDataset build() {
        WindowSpec window = WindowSpec.manyToOne(lookBack);
        return switch (dataset) {
            case WEATHER -> categorical(UniformWeather.article(), window);
            case SEATTLE_WEATHER -> {
                SeriesInput in = SeriesInput.of(SampleDataset.SEATTLE_WEATHER);
                yield categorical(in.reader(in.table()).categorical(SampleDataset.SEATTLE_WEATHER.defaultColumn()), window);
            }
            case GBM -> PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(CompareApp.GBM_DAYS, seed & 0xffffffffL))
                    .window(window).optScaler(scaler).split(SplitFractions.DEFAULT).build();
            case CSV -> {
                SeriesInput in = input();
                SeriesReader reader = in.reader(in.table());
                List<String> resolved = in.resolvedColumns();
                if (reader.inferKind(resolved.get(0)) == SeriesKind.CATEGORICAL) {
                    yield categorical(reader.categorical(resolved.get(0)), window);
                }
                yield PriceDataset.builder(reader.prices(resolved.toArray(new String[0]))).window(window).optScaler(scaler)
                        .split(SplitFractions.DEFAULT).build();
            }
        };
    }

    private SeriesInput input() {
        return new SeriesInput(Path.of(csv), null, columns, dateColumn, missing);
    }

    private static CategoricalDataset categorical(CategoricalSeries s, WindowSpec window) {
        return CategoricalDataset.builder(s).window(window).split(SplitFractions.DEFAULT).build();
    }
}
