package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward backtesting: for each fold (see {@link io.github.rnnkit.data.split.WalkForward}),
 * a fresh network from the same spec is trained on the fold's training part (vocabulary and
 * scalers fitted there) and evaluated on the block that follows it, next to the baselines.
 */
public final class WalkForwardBacktest {
    private WalkForwardBacktest() {
    }

    /**
     * One fold's outcome.
     *
     * @param split       the fold
     * @param comparisons the model against each baseline on the fold's test block
     */
    public record Fold(ChronoSplit split, List<Comparison> comparisons) {
        /** @return the model's value of the primary metric */
        public double model() {
            return comparisons.get(0).model();
        }
    }

    /**
     * Retrains a categorical model on each walk-forward fold and evaluates it on the fold's test part.
     *
     * @param series the whole series
     * @param window the window of every fold
     * @param spec the model to train on each fold (its input and output sizes must fit the series)
     * @param training how to train on each fold
     * @param folds the walk-forward folds
     * @return one result per fold
     */
    public static List<Fold> categorical(CategoricalSeries series, WindowSpec window, ModelSpec spec,
                                         TrainerOptions training, List<ChronoSplit> folds) {
        List<Fold> out = new ArrayList<>();
        for (ChronoSplit fold : folds) {
            CategoricalDataset ds = CategoricalDataset.builder(series).window(window).split(fold).build();
            RnnNetwork net = NetworkFactory.create(spec);
            Trainer.fit(net, ds.train(), ds.validation(), training);
            out.add(new Fold(fold, CategoricalEvaluation.onTest(net, ds).comparisons()));
        }
        return out;
    }

    /**
     * Retrains a price model on each walk-forward fold (scalers fitted on each fold's training part) and evaluates it in prices on the fold's test part.
     *
     * @param series the whole series
     * @param window the window of every fold
     * @param scaler the scaler to fit on each fold's training part
     * @param spec the model to train on each fold
     * @param training how to train on each fold
     * @param folds the walk-forward folds
     * @return one result per fold
     */
    public static List<Fold> prices(PriceSeries series, WindowSpec window, ScalerKind scaler, ModelSpec spec,
                                    TrainerOptions training, List<ChronoSplit> folds) {
        List<Fold> out = new ArrayList<>();
        for (ChronoSplit fold : folds) {
            PriceDataset ds = PriceDataset.builder(series).window(window).optScaler(scaler).split(fold).build();
            RnnNetwork net = NetworkFactory.create(spec);
            Trainer.fit(net, ds.train(), ds.validation(), training);
            out.add(new Fold(fold, PriceEvaluation.of(net, ds, ds.test()).comparisons()));
        }
        return out;
    }

    /**
     * @param folds the backtest's folds
     * @return how many folds the model beats every baseline in
     */
    public static long foldsWon(List<Fold> folds) {
        return folds.stream().filter(f -> f.comparisons().stream().allMatch(Comparison::modelWins)).count();
    }
}
