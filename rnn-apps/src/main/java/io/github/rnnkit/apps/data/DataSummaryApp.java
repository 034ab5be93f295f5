package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.series.TimeIndex;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.summary.CategoricalProfile;
import io.github.rnnkit.data.summary.PriceProfile;
import io.github.rnnkit.data.summary.WindowPlan;

/** Profiles one column of a CSV file or sample: what a user checks before modelling it. */
public final class DataSummaryApp {
    private DataSummaryApp() {
    }

    /**
     * @param o the column, kind, window, split and missing-value policy
     * @return the profile
     * @throws io.github.rnnkit.data.DataException for bad data, naming file, line and column
     * @throws IllegalArgumentException            for options that do not fit the data
     */
    public static DataReport run(DataOptions o) {
        CsvTable table = o.input().table();
        String column = o.input().resolvedColumns().get(0);
        SeriesReader reader = o.input().reader(table);
        SeriesKind kind = o.kind() != null ? o.kind() : reader.inferKind(column);
        o.window().requireFits(kind);
        CategoricalProfile categorical = null;
        PriceProfile price = null;
        TimeIndex index;
        if (kind == SeriesKind.CATEGORICAL) {
            CategoricalSeries s = reader.categorical(column);
            categorical = CategoricalProfile.of(s);
            index = s.index();
        } else {
            PriceSeries s = reader.prices(column);
            price = PriceProfile.of(s);
            index = s.index();
        }
        if (index.length() < o.window().span()) {
            throw new DataException(table.source(), 0, column, "the series has " + index.length() + " steps; "
                    + o.window().describe() + " needs at least " + o.window().span());
        }
        ChronoSplit split;
        try {
            split = ChronoSplit.byFraction(index.length(), o.split());
        } catch (IllegalArgumentException e) {
            throw new DataException(table.source(), 0, column, e.getMessage());
        }
        WindowPlan plan = WindowPlan.of(index, split, o.window(), 0);
        return new DataReport(table.source(), o.input().sample() == null ? null : o.input().sample().description(), table.header(),
                column, reader.dateColumn(), kind, o.kind() == null, categorical, price, plan);
    }
}
