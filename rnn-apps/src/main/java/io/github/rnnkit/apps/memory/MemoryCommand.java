package io.github.rnnkit.apps.memory;

import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.spec.CellType;
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

/** {@code rnnkit memory}: the memory-length benchmark. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"The longest dependency each cell learns: the adding problem and delayed recall swept over lags, the "
                + "same training budget for every run; a table and charts of test error against lag, and the longest lag "
                + "solved per cell.",
                "The full run takes about 25 minutes on 2 cores, with progress and time left; --quick takes seconds.",
                "Writes report.md, PNG charts and CSV tables to --out (default runs/memory-<timestamp>); a killed run continues "
                + "with --resume --out DIR."})
public final class MemoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look: lags 5,10, one seed, 256 sequences x 2 epochs")
    boolean quick;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/memory-<timestamp>)")
    Path out;

    @Option(names = "--tasks", defaultValue = "adding,recall", paramLabel = "LIST", description = "adding, recall, selective-copy (default: ${DEFAULT-VALUE})")
    String tasks;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru", paramLabel = "LIST", description = "cells (default: ${DEFAULT-VALUE})")
    String cells;

    @Option(names = "--lags", paramLabel = "LIST", description = "dependency lengths (default: 5,10,20,50,100,200; 5,10 with --quick)")
    String lags;

    @Option(names = "--seeds", paramLabel = "LIST", description = "seeds (default: 1,2; 1 with --quick)")
    String seeds;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, paramLabel = "H", description = "hidden units (default: 32)")
    Integer hidden;

    @Option(names = "--resume", description = "continue the unfinished run a killed 'memory --out DIR' left in DIR, with the "
            + "options it was started with; finished runs are not repeated")
    boolean resume;

    @Option(names = "--all-lags", description = "run every lag; by default a cell's longer lags are skipped once no seed solved a shorter one")
    boolean allLags;

    @Option(names = "--train", converter = OptionValues.Positive.class, paramLabel = "N", description = "training sequences (default: 10000; 256 with --quick)")
    Integer train;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "most epochs: the budget; a run stops early once validation shows the task solved (default: 20 for adding, 50 for recall; 2 with --quick)")
    Integer epochs;

    /** Each lag's runs at once (default: one thread, one run after another); the results are the same anywhere. */
    @picocli.CommandLine.Mixin
    io.github.rnnkit.apps.common.RunnerOptions runner;

    @Option(names = "--lr", converter = OptionValues.Rate.class, paramLabel = "RATE", description = "Adam's learning rate (default: 0.003 for adding, 0.001 for recall)")
    Double learningRate;

    private WriteMode writeMode() {
        if (resume && force.force) {
            throw new IllegalArgumentException("--resume continues an unfinished run and --force replaces it: give one of them");
        }
        return resume ? WriteMode.RESUME : force.force ? WriteMode.REPLACE : WriteMode.NEW;
    }

    @Override
    public Integer call() {
        MemoryOptions b = quick ? MemoryOptions.quick(out) : MemoryOptions.defaults(out);
        List<MemoryTask> taskList = Arrays.stream(tasks.split(",")).map(MemoryTask::parse).toList();
        List<CellType> cellList = ListOption.cells("--cells", cells);
        List<Integer> lagList = lags == null ? b.lags() : ListOption.positiveInts("--lags", lags);
        List<Long> seedList = seeds == null ? b.seeds()
                : ListOption.positiveInts("--seeds", seeds).stream().map(Integer::longValue).toList();
        MemoryOptions o = new MemoryOptions(taskList, cellList, lagList, seedList, hidden != null ? hidden : b.hidden(),
                train != null ? train : b.trainCount(), b.testCount(), epochs != null ? epochs : b.epochs(),
                learningRate != null ? learningRate : b.learningRate(), allLags || b.allLags(), out, writeMode());
        PrintWriter w = spec.commandLine().getOut();
        MemoryResult r = MemoryApp.run(o, runner.master("threads"), runner.workers(1), p -> {
            MemoryRun run = p.last();
            w.printf(Locale.ROOT, "  %-15s %-12s lag %4d seed %d: %s %.4f%s after %,d updates (%.0f s)  %s%n", run.task().title(),
                    run.cell().displayName(), run.lag(), run.seed(), run.task().errorName(), run.testError(),
                    run.solved() ? " solved" : "", run.updates(), run.seconds(), p.line());
            w.flush();
        });
        w.println("Longest lag solved:");
        for (MemoryTask t : o.tasks()) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-15s", t.title()));
            o.cells().forEach(c -> sb.append(String.format(Locale.ROOT, " %s %s;", c.displayName(),
                    r.longestSolved(t, c) == 0 ? "none" : String.valueOf(r.longestSolved(t, c)))));
            w.println(sb);
        }
        w.println("Report: " + r.report());
        return 0;
    }
}
