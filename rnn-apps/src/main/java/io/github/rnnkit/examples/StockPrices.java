package io.github.rnnkit.examples;

import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.core.forecast.NextPrices;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.window.WindowSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tomorrow's close from closes and volumes, with truncated BPTT and gradient clipping set in the
 * spec.
 *
 * <p>Teaches: a price series of two features (the target first), log-return scaling fitted on
 * the training part only, truncated BPTT (forward and backward length 20 over 60-day windows) and
 * per-layer L2 clipping as spec options, evaluation in prices next to the naive last-value and
 * drift forecasts, and a forecast turned back into a price.
 *
 * <p>Prints: the test RMSE beside both baselines and the next close. By default the prices are a
 * geometric Brownian motion, a random walk that no model should beat: expect "does NOT beat".
 * Give a CSV path and its close and volume columns to use your own ({@code CSV CLOSE VOLUME}).
 */
public final class StockPrices {
    private StockPrices() {
    }

    /**
     * @param evaluation the test part in prices next to naive and drift
     * @param next       the forecast after the last day
     */
    public record Result(PriceEvaluation evaluation, NextPrices next) {
    }

    /**
     * Runs the example on generated prices, or on {@code CSV CLOSE VOLUME} when given; {@code --quick} for a few seconds' run.
     *
     * @param args {@code [CSV CLOSE VOLUME] [--quick]}
     */
    public static void main(String[] args) {
        String[] rest = Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        PriceSeries prices = rest.length >= 3 ? PriceSeries.fromCsv(Path.of(rest[0]), rest[1], rest[2])
                : GeometricBrownianMotion.DEFAULT.generateWithVolume(Examples.quick(args) ? 800 : 2000, 42);
        run(prices, Examples.quick(args));
    }

    /**
     * @param prices a series whose first feature is the close (the target) and second the volume
     * @param quick one epoch of a small network instead of 20 of a larger one
     * @return the evaluation and the next close
     */
    public static Result run(PriceSeries prices, boolean quick) {
        // snippet:prices
        PriceDataset data = PriceDataset.builder(prices)
                .window(WindowSpec.manyToOne(60))
                .optScaler(ScalerKind.LOG_RETURNS)
                .split(SplitFractions.DEFAULT)
                .build();
        ModelSpec spec = ModelSpec.builder()
                .setCell(CellType.LSTM).setHiddenSizes(quick ? 8 : 32).setDataShape(data)
                .optTbptt(20, 20)                                   // segments of 20 steps, state carried
                .optClipping(Clipping.parse("l2-per-layer:1.0"))    // each layer's gradient norm at most 1
                .optUpdater(UpdaterKind.ADAM, 0.002)
                .build();
        RnnNetwork net = NetworkFactory.create(spec);
        Trainer.fit(net, data.train(), data.validation(), TrainerOptions.of(quick ? 1 : 20));
        // end-snippet

        PriceEvaluation test = PriceEvaluation.onTest(net, data);
        System.out.printf(Locale.ROOT, "test RMSE %.4f over %d days%n", PriceEvaluation.meanRmse(test.model()),
                test.actual().length);
        for (Comparison c : test.comparisons()) {
            System.out.println("  the model " + c.sentence());
        }
        NextPrices next = Forecaster.of(net, DataDescription.of(data)).next(prices);
        System.out.printf(Locale.ROOT, "last close %.2f, next close forecast %.2f%n", next.lastPrice(), next.next());
        return new Result(test, next);
    }
}
