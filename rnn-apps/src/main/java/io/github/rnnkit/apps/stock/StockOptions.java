package io.github.rnnkit.apps.stock;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.Tbptt;
import io.github.rnnkit.data.scale.ScalerKind;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit stock} runs.
 *
 * @param toy            the toy of part 1
 * @param input          the price series of part 3, or null for synthetic GBM prices
 * @param gbmSteps       length of the synthetic series (when {@code input} is null)
 * @param lookBack       input days per forecast (part 3)
 * @param cells          cells to forecast with
 * @param hidden         hidden units
 * @param epochs         most epochs (early stopping on validation)
 * @param learningRate   Adam's learning rate
 * @param tbptt          truncated BPTT for part 3, or null for full BPTT
 * @param clipping       gradient clipping for part 3
 * @param scaler         price scaler, fitted on the training part
 * @param gradientSteps  steps over which part 2 measures the gradient decay
 * @param explodeLr      SGD learning rate of the exploding-gradient demonstration
 * @param explodeClip    the clipping that the demonstration's second run uses
 * @param explodeEpochs  epochs of each demonstration run
 * @param seed           seed of data, networks and minibatch order
 * @param out            run folder, or null for {@code runs/stock-<timestamp>}
 * @param force        replace a run already in {@code out} (atomically) instead of refusing
 */
public record StockOptions(ToyRnn toy, SeriesInput input, int gbmSteps, int lookBack, List<CellType> cells, int hidden,
                           int epochs, double learningRate, Tbptt tbptt, Clipping clipping, ScalerKind scaler,
                           int gradientSteps, double explodeLr, Clipping explodeClip, int explodeEpochs, long seed, Path out, boolean force) {
    /**
     * Checks the values.
     *
     * @param toy the toy of part 1
     * @param input the price series of part 3, or null for synthetic GBM prices
     * @param gbmSteps length of the synthetic series (when {@code input} is null)
     * @param lookBack input days per forecast (part 3)
     * @param cells cells to forecast with
     * @param hidden hidden units
     * @param epochs most epochs (early stopping on validation)
     * @param learningRate Adam's learning rate
     * @param tbptt truncated BPTT for part 3, or null for full BPTT
     * @param clipping gradient clipping for part 3
     * @param scaler price scaler, fitted on the training part
     * @param gradientSteps steps over which part 2 measures the gradient decay
     * @param explodeLr SGD learning rate of the exploding-gradient demonstration
     * @param explodeClip the clipping that the demonstration's second run uses
     * @param explodeEpochs epochs of each demonstration run
     * @param seed seed of data, networks and minibatch order
     * @param out run folder, or null for {@code runs/stock-<timestamp>}
     * @param force replace a run already in {@code out} (atomically) instead of refusing
     */
    public StockOptions {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("--cells needs at least one of rnn, lstm, gru, min-gru, min-lstm");
        }
        if (lookBack < 2 || hidden < 1 || epochs < 1 || explodeEpochs < 1 || gradientSteps < 3 || gbmSteps < 100) {
            throw new IllegalArgumentException("need --look-back >= 2, --hidden >= 1, --epochs >= 1, --explode-epochs >= 1, "
                    + "at least 3 gradient steps and 100 GBM steps (the walkthrough's own settings)");
        }
        if (!explodeClip.enabled()) {
            throw new IllegalArgumentException("--explode-clip must name a clipping (e.g. l2-per-layer:1), not none");
        }
    }

    /**
     * GBM prices (1,500 days), look-back 20, hidden 32, 30 epochs, Adam 0.005, full BPTT, clipping l2-per-layer:1.
     *
     * @param out the run folder
     * @return the options
     */
    public static StockOptions defaults(Path out) {
        return new StockOptions(ToyRnn.DEFAULT, null, 1500, 20, CellType.CLASSIC, 32, 30, 0.005, null,
                Clipping.parse("l2-per-layer:1"), ScalerKind.Z_SCORE, 50, 0.08, Clipping.parse("l2-per-layer:1"), 5, 7, out, false);
    }

    /**
     * A first look: 2 epochs per model, 2 per demonstration run.
     *
     * @param out the run folder
     * @return the options
     */
    public static StockOptions quick(Path out) {
        StockOptions d = defaults(out);
        return new StockOptions(d.toy, null, d.gbmSteps, d.lookBack, d.cells, d.hidden, 2, d.learningRate, null, d.clipping,
                d.scaler, d.gradientSteps, d.explodeLr, d.explodeClip, 2, d.seed, out, false);
    }
}
