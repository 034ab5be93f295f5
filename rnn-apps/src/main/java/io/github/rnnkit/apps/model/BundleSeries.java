package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;

import java.util.List;

/**
 * A user's series read the way a saved model expects it: the same kind, the same number of
 * columns, long enough for one window.
 */
final class BundleSeries {
    private BundleSeries() {
    }

    static CategoricalSeries categorical(ModelBundle bundle, SeriesInput input) {
        SeriesReader reader = check(bundle, input, SeriesKind.CATEGORICAL);
        return reader.categorical(input.resolvedColumns().get(0));
    }

    static PriceSeries prices(ModelBundle bundle, SeriesInput input) {
        SeriesReader reader = check(bundle, input, SeriesKind.PRICE);
        return reader.prices(input.resolvedColumns().toArray(new String[0]));
    }

    private static SeriesReader check(ModelBundle bundle, SeriesInput input, SeriesKind expected) {
        DataDescription d = bundle.data();
        if (d.kind() != expected) {
            throw new IllegalStateException("bundle kind " + d.kind() + " read as " + expected);
        }
        CsvTable table = input.table();
        SeriesReader reader = input.reader(table);
        List<String> columns = input.resolvedColumns();
        if (columns.size() != d.columns().size()) {
            throw new DataException(input.sourceName(), "the model takes " + d.columns().size() + " column(s) ("
                    + String.join(", ", d.columns()) + "), got " + columns.size() + " (" + String.join(", ", columns) + ")");
        }
        SeriesKind found = reader.inferKind(columns.get(0));
        if (found != d.kind()) {
            throw new DataException(input.sourceName(), 0, columns.get(0), "the model forecasts "
                    + (d.kind() == SeriesKind.PRICE ? "prices" : "categories") + " but this column holds "
                    + (found == SeriesKind.PRICE ? "numbers" : "categories") + " (a model of the wrong kind for the data)");
        }
        return reader;
    }
}
