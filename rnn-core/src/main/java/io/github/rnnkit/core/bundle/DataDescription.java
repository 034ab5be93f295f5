package io.github.rnnkit.core.bundle;

import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.scale.Scaler;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.List;

/**
 * What a model expects of its data: enough to turn a new CSV into the same inputs it was
 * trained on.
 *
 * @param kind       categorical or price
 * @param columns    the series columns, target first
 * @param dateColumn the date column, or null
 * @param window     look-back, topology and horizon
 * @param vocabulary the categories (categorical), else null
 * @param scalers    one fitted scaler per column (price), else an empty list
 */
public record DataDescription(SeriesKind kind, List<String> columns, String dateColumn, WindowSpec window,
                              Vocabulary vocabulary, List<Scaler> scalers) {
    /**
     * @param data a {@code CategoricalDataset} or {@code PriceDataset}
     * @return the description of a dataset's series, window and fitted vocabulary or scalers, with
     * no date column name (a CSV read later finds a column named {@code date} itself)
     */
    public static DataDescription of(WindowedDataset data) {
        return of(data, null);
    }

    /**
     * @param dateColumn the CSV's date column, or null
     * @param data a {@code CategoricalDataset} or {@code PriceDataset}
     * @return the description of a dataset's series, window and fitted vocabulary or scalers
     */
    public static DataDescription of(WindowedDataset data, String dateColumn) {
        if (data instanceof CategoricalDataset c) {
            return new DataDescription(SeriesKind.CATEGORICAL, List.of(c.series().column()), dateColumn, c.window(),
                    c.vocabulary(), List.of());
        }
        if (data instanceof PriceDataset p) {
            return new DataDescription(SeriesKind.PRICE, p.series().features(), dateColumn, p.window(), null, p.scalers());
        }
        throw new IllegalArgumentException("a bundle describes a CategoricalDataset or a PriceDataset, not "
                + data.getClass().getSimpleName());
    }
    /**
     * Copies the lists; checks that a categorical description has its vocabulary and a price description one scaler per column.
     *
     * @param kind categorical or price
     * @param columns the series columns, target first
     * @param dateColumn the date column, or null
     * @param window look-back, topology and horizon
     * @param vocabulary the categories (categorical), else null
     * @param scalers one fitted scaler per column (price), else an empty list
     */
    public DataDescription {
        columns = List.copyOf(columns);
        scalers = scalers == null ? List.of() : List.copyOf(scalers);
        if (kind == SeriesKind.CATEGORICAL && vocabulary == null) {
            throw new IllegalArgumentException("a categorical model needs its vocabulary");
        }
        if (kind == SeriesKind.PRICE && scalers.size() != columns.size()) {
            throw new IllegalArgumentException("a price model needs one scaler per column");
        }
    }
}
