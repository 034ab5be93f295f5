package io.github.rnnkit.apps.compare;

import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit compare} runs.
 *
 * @param dataset      which data
 * @param input        the CSV column when {@code dataset} is CSV, else null
 * @param cells        the cells to compare
 * @param lstmHidden   the LSTM's hidden size; the other cells get the size that matches its parameter count
 * @param lookBack     steps per window
 * @param epochs       most epochs (early stopping on validation loss, patience 5)
 * @param learningRate Adam's learning rate, the same for every cell
 * @param seed         seed of data, networks and minibatch order, the same for every cell
 * @param seeds        networks trained per cell, with seeds {@code seed}, {@code seed + 1}, …
 * @param scaler       how price features are scaled (ignored for categories)
 * @param out          run folder, or null for {@code runs/compare-<timestamp>}
 * @param force        replace a run already in {@code out} (atomically) instead of refusing
 */
public record CompareOptions(CompareDataset dataset, SeriesInput input, List<CellType> cells, int lstmHidden, int lookBack,
                             int epochs, double learningRate, long seed, int seeds, ScalerKind scaler, Path out,
                             boolean force) {
    /** Networks trained per cell by default: one seed cannot tell a cell's advantage from its seed's luck. */
    public static final int DEFAULT_SEEDS = 3;

    /**
     * Checks the values.
     *
     * @param dataset which data
     * @param input the CSV column when {@code dataset} is CSV, else null
     * @param cells the cells to compare
     * @param lstmHidden the LSTM's hidden size; the other cells get the size that matches its parameter count
     * @param lookBack steps per window
     * @param epochs most epochs (early stopping on validation loss, patience 5)
     * @param learningRate Adam's learning rate, the same for every cell
     * @param seed seed of data, networks and minibatch order, the same for every cell
     * @param seeds networks trained per cell, with seeds {@code seed}, {@code seed + 1}, …
     * @param scaler how price features are scaled (ignored for categories)
     * @param out run folder, or null for {@code runs/compare-<timestamp>}
     * @param force replace a run already in {@code out} (atomically) instead of refusing
     */
    public CompareOptions {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("--cells needs at least one of rnn, lstm, gru, min-gru, min-lstm");
        }
        if ((dataset == CompareDataset.CSV) != (input != null)) {
            throw new IllegalArgumentException(dataset == CompareDataset.CSV ? "--dataset csv needs --csv FILE --column NAME"
                    : "--csv is only read with --dataset csv");
        }
        if (scaler == null) {
            throw new IllegalArgumentException("a scaler is required (log-returns for prices by default)");
        }
        if (lstmHidden < 1 || lookBack < 1 || epochs < 1 || seeds < 1) {
            throw new IllegalArgumentException("--hidden, --look-back, --epochs and --seeds must be at least 1");
        }
    }

    /**
     * Seattle weather, LSTM hidden 32, look-back 10, 30 epochs, Adam 0.005, seeds 42, 43 and 44;
     * prices as log-returns, which do not depend on the price level (z-scored levels cannot be
     * forecast beyond the training part's range).
     *
     * @param out the run folder
     * @return the options
     */
    public static CompareOptions defaults(Path out) {
        return new CompareOptions(CompareDataset.SEATTLE_WEATHER, null, List.of(CellType.values()), 32, 10, 30, 0.005, 42, DEFAULT_SEEDS,
                ScalerKind.LOG_RETURNS, out, false);
    }

    /**
     * A first look: 2 epochs.
     *
     * @param out the run folder
     * @return the options
     */
    public static CompareOptions quick(Path out) {
        CompareOptions d = defaults(out);
        return new CompareOptions(d.dataset, null, d.cells, d.lstmHidden, d.lookBack, 2, d.learningRate, d.seed, d.seeds, d.scaler,
                out, false);
    }
}
