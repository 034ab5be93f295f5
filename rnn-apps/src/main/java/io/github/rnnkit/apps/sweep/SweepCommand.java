package io.github.rnnkit.apps.sweep;

import io.github.rnnkit.apps.common.ForceOption;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.PlanRunners;
import io.github.rnnkit.core.run.SweepGrid;
import io.github.rnnkit.core.run.TrainingTask;
import io.github.rnnkit.data.sample.SampleDataset;
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

/** {@code rnnkit sweep}: a grid of configurations on one series, chosen on walk-forward folds, the winner tested once. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"A hyper-parameter sweep on one series (a bundled sample or a CSV column): cells x hidden sizes x look-backs "
                + "x learning rates x clipping x truncated BPTT x seeds, each scored on walk-forward validation folds, ranked on mean "
                + "validation loss; the winner is retrained once per seed and tested once against the baselines.",
                "Runs on Spark (embedded local[*]) when the rnn-spark module is built, else on threads in this process; --spark "
                        + "MASTER chooses (threads, local[N], spark://HOST:7077). Writes report.md, grid.csv/png, test.csv, "
                        + "results.jsonl and best-model/ to --out (default runs/sweep-<timestamp>). --quick: 24 small tasks and 2 retrainings, about 10 s."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look: rnn and gru, hidden 8 and 16, 2 seeds, 3 folds, 3 epochs")
    boolean quick;

    @Option(names = "--sample", paramLabel = "ID", description = "bundled sample (default: seattle-weather)")
    String sample;

    @Option(names = "--csv", paramLabel = "FILE", description = "a CSV file with a header row instead of a sample")
    Path csv;

    @Option(names = "--column", paramLabel = "NAME", description = "the series' column (needed with --csv)")
    String column;

    @Option(names = "--cells", paramLabel = "LIST", description = "cells (default: rnn,lstm,gru)")
    String cells;

    @Option(names = "--hidden", paramLabel = "LIST", description = "hidden sizes, a stack as A-B (default: 16,32)")
    String hidden;

    @Option(names = "--look-backs", paramLabel = "LIST", description = "window lengths (default: 7,14)")
    String lookBacks;

    @Option(names = "--learning-rates", paramLabel = "LIST", description = "Adam's step sizes (default: 0.005)")
    String learningRates;

    @Option(names = "--clipping", paramLabel = "LIST", description = "gradient clippings, e.g. none,global-l2:1.0 (default: none)")
    String clipping;

    @Option(names = "--tbptt", paramLabel = "LIST", description = "truncated BPTT lengths, e.g. none,5 (default: none)")
    String tbptt;

    @Option(names = "--seeds", converter = OptionValues.Positive.class, paramLabel = "N", description = "seeds 1..N (default: 2)")
    Integer seeds;

    @Option(names = "--folds", paramLabel = "K", description = "walk-forward validation folds; 0 scores on the default split's "
            + "validation part (default: 3)")
    Integer folds;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "most epochs (default: 20)")
    Integer epochs;

    @Option(names = "--patience", paramLabel = "N", description = "early-stopping patience in epochs (default: 3)")
    Integer patience;

    /** Default: Spark local[*] when rnn-spark is on the class path, else threads, as many as processors. */
    @picocli.CommandLine.Mixin
    io.github.rnnkit.apps.common.RunnerOptions runner;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--resume", description = "continue the unfinished sweep in --out: finished tasks are kept")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/sweep-<timestamp>)")
    Path out;

    @Override
    public Integer call() {
        SweepOptions o = options();
        PrintWriter w = spec.commandLine().getOut();
        SweepResult r = SweepApp.run(o, line -> {
            w.println(line);
            w.flush();
        });
        w.printf(Locale.ROOT, "Winner on validation: %s; beats every baseline on the test part (p < 0.05) on %d of %d seeds. "
                + "Sweep %.0f s on %s. Report: %s%n", r.ranked().get(0).configuration(), r.seedsBeatingAllBaselines(),
                r.finals().size(), r.seconds(), r.runner(), r.report());
        return 0;
    }

    SweepOptions options() {
        if (resume && force.force) {
            throw new IllegalArgumentException("--resume and --force contradict each other: continue the run in --out, or replace it");
        }
        if (csv != null && sample != null) {
            throw new IllegalArgumentException("give --csv or --sample, not both");
        }
        if (csv != null && column == null) {
            throw new IllegalArgumentException("--csv needs --column, the series' column");
        }
        String sampleId = csv == null ? SampleDataset.byId(sample == null ? "seattle-weather" : sample).id() : null;
        SweepGrid q = SweepOptions.quickGrid(sampleId == null ? "seattle-weather" : sampleId);
        int e = epochs != null ? epochs : quick ? q.base().epochs() : 20;
        int p = patience != null ? patience : quick ? q.base().patience() : 3;
        if (p < 0) {
            throw new IllegalArgumentException("--patience: 0 or more, got " + p);
        }
        TrainingTask base = new TrainingTask("base", sampleId, csv == null ? null : csv.toString(), column, "gru", List.of(8), 1, e, p,
                0.005, 1);
        int k = folds != null ? folds : 3;
        if (k < 0) {
            throw new IllegalArgumentException("--folds: 0 or more, got " + k);
        }
        int n = seeds != null ? seeds : 2;
        SweepGrid grid = new SweepGrid(base,
                cells != null ? ListOption.cells("--cells", cells).stream().map(c -> c.label()).toList()
                        : quick ? q.cells() : List.of("rnn", "lstm", "gru"),
                hidden != null ? stacks(hidden) : quick ? q.hidden() : List.of(List.of(16), List.of(32)),
                lookBacks != null ? ListOption.positiveInts("--look-backs", lookBacks) : quick ? q.lookBacks() : List.of(7, 14),
                learningRates != null ? rates(learningRates) : q.learningRates(),
                clipping != null ? words("--clipping", clipping, io.github.rnnkit.core.spec.Clipping::parse) : List.of("none"),
                tbptt != null ? words("--tbptt", tbptt, io.github.rnnkit.core.spec.Tbptt::parse) : List.of("none"),
                java.util.stream.LongStream.rangeClosed(1, n).boxed().toList(), k);
        return new SweepOptions(grid, runner.master(PlanRunners.sparkAvailable() ? "local[*]" : "threads"),
                runner.workers(Runtime.getRuntime().availableProcessors()), out,
                resume ? WriteMode.RESUME : force.force ? WriteMode.REPLACE : WriteMode.NEW);
    }

    private static List<List<Integer>> stacks(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).map(s -> ListOption.positiveInts("--hidden", s.replace('-', ',')))
                .toList();
    }

    private static List<Double> rates(String text) {
        try {
            List<Double> out = Arrays.stream(text.split(",")).map(String::trim).map(Double::parseDouble).toList();
            if (out.stream().anyMatch(r -> !(r > 0) || r.isInfinite())) {
                throw new NumberFormatException();
            }
            return out;
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--learning-rates: positive numbers separated by commas, e.g. 0.001,0.005; got '"
                    + text + "'");
        }
    }

    private static List<String> words(String option, String text, java.util.function.Function<String, ?> check) {
        List<String> out = Arrays.stream(text.split(",")).map(String::trim).toList();
        for (String w : out) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException(option + ": values separated by commas; got '" + text + "'");
            }
            try {
                check.apply(w);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
