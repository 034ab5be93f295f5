package io.github.rnnkit.apps.train;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.Tbptt;
import io.github.rnnkit.core.train.Progress;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.split.SplitFractions;

import io.github.rnnkit.core.output.WriteMode;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit train} does.
 *
 * @param input        the series
 * @param kind         categorical or price; null to infer from the values
 * @param cell         the recurrent cell
 * @param lookBack     input steps per window
 * @param horizon      steps forecast (prices only; above 1 trains seq2seq)
 * @param hidden       hidden sizes of the stacked layers
 * @param epochs       most epochs to train
 * @param batchSize    windows per update
 * @param patience     epochs without a better validation loss before stopping
 * @param learningRate Adam's learning rate
 * @param tbptt        truncated BPTT, or null
 * @param clipping     gradient clipping
 * @param scaler       price scaler, or null for z-score; must be null for categories
 * @param split        chronological split
 * @param dropout      dropout probability
 * @param bidirectional recurrent layers read each window both ways (not with --tbptt)
 * @param seed         seed of everything random
 * @param out          the run folder
 * @param write        refuse a run already in {@code out}, replace it, or resume the unfinished one
 * @param progress     where progress goes
 */
public record TrainOptions(SeriesInput input, SeriesKind kind, CellType cell, int lookBack, int horizon,
                           List<Integer> hidden, int epochs, int batchSize, int patience, double learningRate, Tbptt tbptt,
                           Clipping clipping, ScalerKind scaler, SplitFractions split, double dropout, boolean bidirectional, long seed, Path out,
                           WriteMode write, Progress progress) {

    /**
     * Defaults: look-back 10, horizon 1, one layer of 32, 30 epochs of 32, patience 5, Adam 0.005, z-score for prices.
     *
     * @param input the series
     * @param cell the cell
     * @param out the output folder
     * @return the options
     */
    public static TrainOptions defaults(SeriesInput input, CellType cell, Path out) {
        return new TrainOptions(input, null, cell, 10, 1, List.of(32), 30, 32, 5, 0.005, null, Clipping.NONE,
                null, SplitFractions.DEFAULT, 0, false, 42, out, WriteMode.NEW, Progress.NONE);
    }

    /**
     * @param e epochs
     * @return these options with that many epochs
     */
    public TrainOptions withEpochs(int e) {
        return new TrainOptions(input, kind, cell, lookBack, horizon, hidden, e, batchSize, patience, learningRate, tbptt,
                clipping, scaler, split, dropout, bidirectional, seed, out, write, progress);
    }

    /**
     * @param sizes hidden sizes, input side first
     * @return these options with those hidden sizes
     */
    public TrainOptions withHidden(List<Integer> sizes) {
        return new TrainOptions(input, kind, cell, lookBack, horizon, sizes, epochs, batchSize, patience, learningRate,
                tbptt, clipping, scaler, split, dropout, bidirectional, seed, out, write, progress);
    }

    /**
     * @param mode refuse a run already in {@code out}, replace it, or resume the unfinished one
     * @return these options with that write mode
     */
    public TrainOptions withWrite(WriteMode mode) {
        return new TrainOptions(input, kind, cell, lookBack, horizon, hidden, epochs, batchSize, patience, learningRate,
                tbptt, clipping, scaler, split, dropout, bidirectional, seed, out, mode, progress);
    }
}
