package io.github.rnnkit.apps.compare;

import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.data.series.MissingValues;
import io.github.rnnkit.apps.common.ForceOption;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.core.eval.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit compare}: vanilla RNN vs LSTM vs GRU. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Vanilla RNN vs LSTM vs GRU on the same data, split, seed and budget, with hidden sizes that match "
                + "the LSTM's parameter count: parameters, time per epoch, epochs to the best validation score, train and "
                + "test metric next to the baselines; loss and gradient charts.",
                "Writes report.md, PNG charts and CSV tables to --out (default runs/compare-<timestamp>)."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look: 2 epochs")
    boolean quick;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @picocli.CommandLine.Mixin
    io.github.rnnkit.apps.common.RunnerOptions runner;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/compare-<timestamp>)")
    Path out;

    @Option(names = "--dataset", defaultValue = "seattle-weather", paramLabel = "NAME",
            description = "weather, seattle-weather, gbm or csv (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--csv", paramLabel = "FILE", description = "with --dataset csv: the CSV file (header row)")
    Path csv;

    @Option(names = "--column", paramLabel = "NAME", description = "with --dataset csv: the column (categories or prices)")
    String column;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru,min-gru,min-lstm", paramLabel = "LIST", description = "cells (default: ${DEFAULT-VALUE})")
    String cells;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, defaultValue = "32", paramLabel = "H",
            description = "the LSTM's hidden size; the others match its parameter count (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--look-back", converter = OptionValues.Positive.class, defaultValue = "10", paramLabel = "N", description = "steps per window (default: ${DEFAULT-VALUE})")
    int lookBack;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "most epochs (default: 30; 2 with --quick)")
    Integer epochs;

    @Option(names = "--lr", converter = OptionValues.Rate.class, defaultValue = "0.005", paramLabel = "RATE", description = "Adam's learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seeds", converter = OptionValues.Positive.class, paramLabel = "N",
            description = "networks trained per cell, seeds S, S+1, …; a cell is named better only when a paired test over "
                    + "seeds and windows says so (default: 3)")
    Integer seeds;

    @Option(names = "--scaler", paramLabel = "NAME",
            description = "with prices: none, min-max, z-score or log-returns (default: log-returns)")
    String scaler;

    @Override
    public Integer call() {
        CompareOptions base = quick ? CompareOptions.quick(out) : CompareOptions.defaults(out);
        CompareDataset d = CompareDataset.parse(dataset);
        if (csv == null && column != null) {
            throw new IllegalArgumentException("--column needs --csv (and --dataset csv)");
        }
        if (csv != null && d != CompareDataset.CSV) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--dataset")) {
                throw new IllegalArgumentException("--dataset " + dataset + " and --csv are alternatives: give --dataset csv "
                        + "--csv FILE, or drop --csv");
            }
            d = CompareDataset.CSV;
        }
        SeriesInput input = csv == null ? null
                : new SeriesInput(csv, null, column == null ? List.of() : List.of(column), null, MissingValues.ERROR);
        CompareOptions o = new CompareOptions(d, input, ListOption.cells("--cells", cells), hidden, lookBack,
                epochs != null ? epochs : base.epochs(), learningRate, seed, seeds != null ? seeds : base.seeds(),
                scaler != null ? ScalerKind.parse(scaler) : base.scaler(), out, force.force);
        PrintWriter w = spec.commandLine().getOut();
        CompareResult r = CompareApp.run(o, runner.master("threads"), runner.workers(1), t -> {
            if (t.ok()) {
                w.printf(Locale.ROOT, "  trained %-44s %d epochs, test %s %.4f (%.0f s)%n", t.id(), t.epochs(), t.metric(), t.model(),
                        t.seconds());
            }
            w.flush();
        });
        w.println("Data: " + r.data());
        for (CellComparison c : r.cells()) {
            w.printf(Locale.ROOT, "  %-36s %6.2f s/epoch, train %s %.4f, test %s %.4f ± %.4f over %s: %s%n",
                    CompareApp.label(c), c.secondsPerEpoch(), r.metric(), c.trainMetric(), r.metric(), c.testMetric(),
                    c.testSd(), c.testBySeed().length == 1 ? "1 seed" : c.testBySeed().length + " seeds",
                    Comparison.summary(c.comparisons()));
        }
        r.baselines().forEach((name, v) -> w.printf(Locale.ROOT, "  baseline %-27s test %s %.4f%n", name, r.metric(), v));
        if (r.ranking() != null) {
            w.println(r.ranking().sentence("cell"));
        }
        w.println("Report: " + r.report());
        return 0;
    }
}
