package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.eval.PriceEvaluation;

import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.Tbptt;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.MissingValues;
import io.github.rnnkit.apps.common.ForceOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit stock}: the stock-price walkthrough. */
@Command(name = "stock", mixinStandardHelpOptions = true,
        description = {"The stock-price walkthrough: (1) the article's one-unit RNN toy worked by hand and by the network; "
                + "(2) why vanilla RNNs break: 0.5^49 and 1.5^49 beside the measured gradient decay of a trained vanilla RNN; "
                + "(3) a next-day forecast per cell against the naive baselines, and exploding gradients without and with "
                + "clipping.",
                "Prices: synthetic GBM by default, or --csv FILE --column close.",
                "Writes report.md, PNG charts and CSV tables to --out (default runs/stock-<timestamp>)."})
public final class StockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look: 2 epochs per model, 1 per demonstration run")
    boolean quick;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/stock-<timestamp>)")
    Path out;

    @Option(names = "--prices", defaultValue = "0,0", paramLabel = "LIST", description = "toy: input prices, oldest first (default: ${DEFAULT-VALUE})")
    String prices;

    @Option(names = "--wx", converter = OptionValues.Finite.class, defaultValue = "0.5", paramLabel = "W", description = "toy: input weight (default: ${DEFAULT-VALUE})")
    double wx;

    @Option(names = "--wh", converter = OptionValues.Finite.class, defaultValue = "0.5", paramLabel = "W", description = "toy: recurrent weight (default: ${DEFAULT-VALUE})")
    double wh;

    @Option(names = "--b", converter = OptionValues.Finite.class, defaultValue = "0", paramLabel = "B", description = "toy: hidden bias (default: ${DEFAULT-VALUE})")
    double b;

    @Option(names = "--w-out", converter = OptionValues.Finite.class, defaultValue = "2.0", paramLabel = "W", description = "toy: output weight (default: ${DEFAULT-VALUE})")
    double wOut;

    @Option(names = "--b-out", converter = OptionValues.Finite.class, defaultValue = "0", paramLabel = "B", description = "toy: output bias (default: ${DEFAULT-VALUE})")
    double bOut;

    @Option(names = "--csv", paramLabel = "FILE", description = "price CSV with a header row (default: synthetic GBM prices)")
    Path csv;

    @Option(names = "--column", paramLabel = "NAME", description = "price column of --csv, e.g. close")
    String column;

    @Option(names = "--date-column", paramLabel = "NAME", description = "date column of --csv (default: one named 'date', if any)")
    String dateColumn;

    @Option(names = "--look-back", converter = OptionValues.Positive.class, defaultValue = "20", paramLabel = "N", description = "days per forecast (default: ${DEFAULT-VALUE})")
    int lookBack;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru", paramLabel = "LIST", description = "cells (default: ${DEFAULT-VALUE})")
    String cells;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, defaultValue = "32", paramLabel = "H", description = "hidden units (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "most epochs (default: 30; 2 with --quick)")
    Integer epochs;

    @Option(names = "--lr", converter = OptionValues.Rate.class, defaultValue = "0.005", paramLabel = "RATE", description = "Adam's learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--tbptt", defaultValue = "none", paramLabel = "K[:K2]",
            description = "truncated BPTT: segments of K steps, gradients through the last K2 (default: ${DEFAULT-VALUE})")
    String tbptt;

    @Option(names = "--clip", defaultValue = "l2-per-layer:1", paramLabel = "MODE:THRESHOLD",
            description = "gradient clipping of the forecasts, or none (default: ${DEFAULT-VALUE})")
    String clip;

    @Option(names = "--scaler", defaultValue = "z-score", paramLabel = "NAME", description = "none, min-max, z-score or log-returns (default: ${DEFAULT-VALUE})")
    String scaler;

    @Option(names = "--explode-lr", converter = OptionValues.Rate.class, paramLabel = "RATE",
            description = "SGD learning rate of the exploding-gradient runs (default: 0.08)")
    Double explodeLr;

    @Option(names = "--explode-clip", defaultValue = "l2-per-layer:1", paramLabel = "MODE:THRESHOLD",
            description = "clipping of the second exploding-gradient run (default: ${DEFAULT-VALUE})")
    String explodeClip;

    @Option(names = "--explode-epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "epochs of each exploding-gradient run (default: 5; 1 with --quick)")
    Integer explodeEpochs;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "seed of data and networks (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        StockOptions base = quick ? StockOptions.quick(out) : StockOptions.defaults(out);
        if (csv == null && (column != null || dateColumn != null)) {
            throw new IllegalArgumentException("--column and --date-column need --csv");
        }
        SeriesInput input = csv == null ? null : new SeriesInput(csv, null, column == null ? List.of() : List.of(column),
                dateColumn, MissingValues.ERROR);
        ToyRnn toy = new ToyRnn(prices(prices), wx, wh, b, wOut, bOut);
        StockOptions o = new StockOptions(toy, input, base.gbmSteps(), lookBack, ListOption.cells("--cells", cells), hidden,
                epochs != null ? epochs : base.epochs(), learningRate, Tbptt.parse(tbptt), Clipping.parse(clip),
                ScalerKind.parse(scaler), base.gradientSteps(), explodeLr != null ? explodeLr : base.explodeLr(),
                Clipping.parse(explodeClip),
                explodeEpochs != null ? explodeEpochs : base.explodeEpochs(), seed, out, force.force);
        StockResult r = StockApp.run(o);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Toy: by hand %s, network %s%n", ToyTrace.f(r.toy().handOutput()), ToyTrace.f(r.toy().networkOutput()));
        w.printf(Locale.ROOT, "Gradient over %d steps: 0.5^%d = %.3g, 1.5^%d = %.3g; measured factor per step: ", r.decay().steps(),
                r.decay().steps() - 1, GradientDecay.theory(0.5, r.decay().steps()), r.decay().steps() - 1,
                GradientDecay.theory(1.5, r.decay().steps()));
        r.decay().rescaled().forEach(d -> w.printf(Locale.ROOT, "radius %.1f -> %.3f  ", d.radius(), d.factorPerStep()));
        w.println();
        w.println("Forecast on " + r.series() + ", test part:");
        for (CellForecast f : r.forecasts()) {
            var m = f.evaluation().model().get(0);
            var naive = f.evaluation().baselines().get(PriceEvaluation.NAIVE).get(0);
            w.printf(Locale.ROOT, "  %-12s RMSE %.4f (naive %.4f)  %s%n", f.cell().displayName(), m.rmse(), naive.rmse(),
                    m.rmse() < naive.rmse() ? "beats naive" : "does NOT beat naive");
        }
        for (ExplodingRun e : r.exploding()) {
            w.printf(Locale.ROOT, "  exploding demo, %-46s largest |g| %.3g, %s%n", e.label() + ":",
                    e.maxGradientNorm(), e.diverged() ? "diverged at update " + e.divergedAt()
                            : String.format(Locale.ROOT, "finished, test RMSE %.4f (naive %.4f)", e.testRmse(), e.naiveRmse()));
        }
        w.println("Report: " + r.report());
        return 0;
    }

    private static List<Double> prices(String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).map(Double::parseDouble).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--prices must be numbers separated by commas, e.g. 0,0,0; got '" + text + "'");
        }
    }
}
