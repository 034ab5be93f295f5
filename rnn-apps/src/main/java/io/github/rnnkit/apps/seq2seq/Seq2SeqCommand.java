package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.apps.common.ForceOption;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.data.series.MissingValues;
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

/** {@code rnnkit seq2seq}: the encoder-decoder walkthrough. */
@Command(name = "seq2seq", mixinStandardHelpOptions = true,
        description = {"Encoder-decoders with teacher forcing and attention: (1) the bottleneck, token and sequence accuracy "
                + "of reversing random symbol sequences against their length, without attention and with Bahdanau and Luong "
                + "attention, for each cell, with attention heat maps; (2) multi-step price forecasts against RepeatVector "
                + "seq2seq, naive and drift (GBM, or --csv FILE --column close); (3) the next 7 days of Seattle weather against "
                + "persistence and the Markov chain. Significance tests throughout.",
                "Writes report.md, PNG charts and CSV tables to --out (default runs/seq2seq-<timestamp>); --quick takes about a "
                        + "minute, the full run about 13 minutes on 2 cores."})
public final class Seq2SeqCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look: GRU only, lengths 5 and 10, small budgets")
    boolean quick;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--resume", description = "continue the unfinished run in --out: finished bottleneck runs are kept")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/seq2seq-<timestamp>)")
    Path out;

    @Option(names = "--cells", paramLabel = "LIST", description = "cells of the bottleneck sweep (default: rnn,lstm,gru)")
    String cells;

    @Option(names = "--attention", paramLabel = "LIST", description = "attention kinds of the sweep (default: none,bahdanau,luong)")
    String attention;

    @Option(names = "--lengths", paramLabel = "LIST", description = "source lengths of the sweep (default: 5,10,20,40,60,80)")
    String lengths;

    @Option(names = "--csv", paramLabel = "FILE", description = "price CSV with a header row for part 2 (default: synthetic GBM)")
    Path csv;

    @Option(names = "--column", paramLabel = "NAME", description = "price column of --csv, e.g. close")
    String column;

    @Option(names = "--horizon", converter = OptionValues.Positive.class, paramLabel = "H", description = "days ahead of the price forecasts (default: 10)")
    Integer horizon;

    @Option(names = "--workers", converter = OptionValues.Positive.class, paramLabel = "N",
            description = "bottleneck runs trained at once, one thread each (default: the available processors)")
    Integer workers;

    @Option(names = "--seed", paramLabel = "S", description = "seed of data and networks (default: 1)")
    Long seed;

    @Override
    public Integer call() {
        Seq2SeqOptions b = quick ? Seq2SeqOptions.quick(out) : Seq2SeqOptions.defaults(out);
        if (csv == null && column != null) {
            throw new IllegalArgumentException("--column needs --csv");
        }
        if (resume && force.force) {
            throw new IllegalArgumentException("--resume and --force contradict each other: continue the run in --out, or replace it");
        }
        SeriesInput input = csv == null ? null : new SeriesInput(csv, null, column == null ? List.of() : List.of(column), null,
                MissingValues.ERROR);
        List<AttentionKind> kinds = attention == null ? b.attentions()
                : Arrays.stream(attention.split(",")).map(String::trim).map(Seq2SeqCommand::attention).toList();
        Seq2SeqOptions o = new Seq2SeqOptions(cells == null ? b.cells() : ListOption.cells("--cells", cells), kinds,
                lengths == null ? b.lengths() : ListOption.positiveInts("--lengths", lengths), b.task(), b.vocabulary(), b.hidden(),
                b.trainPairs(), b.epochs(), b.testPairs(), b.learningRate(), input, b.gbmDays(), b.priceWindow(),
                horizon == null ? b.priceHorizon() : horizon, b.priceEpochs(), b.weatherWindow(), b.weatherHorizon(),
                b.weatherEpochs(), workers == null ? b.workers() : workers, seed == null ? b.seed() : seed, out, force.force);
        PrintWriter w = spec.commandLine().getOut();
        Seq2SeqApp.Result r = Seq2SeqApp.run(o, resume, line -> {
            w.println(line);
            w.flush();
        });
        w.printf(Locale.ROOT, "Prices (%s): mean RMSE over days ahead:", r.prices().series());
        r.prices().evaluation().forecasters().forEach(m -> w.printf(Locale.ROOT, "  %s %.4f;", m,
                r.prices().evaluation().meanScore(m)));
        w.println();
        w.print("Weather: mean accuracy over days ahead:");
        r.weather().evaluation().forecasters().forEach(m -> w.printf(Locale.ROOT, "  %s %.3f;", m,
                r.weather().evaluation().meanScore(m)));
        w.println();
        w.printf(Locale.ROOT, "Whole run %.0f s. Report: %s%n", r.seconds(), r.report());
        return 0;
    }

    private static AttentionKind attention(String text) {
        try {
            return AttentionKind.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--attention: " + e.getMessage(), e);
        }
    }
}
