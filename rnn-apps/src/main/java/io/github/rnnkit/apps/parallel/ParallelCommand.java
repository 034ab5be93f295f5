package io.github.rnnkit.apps.parallel;

import io.github.rnnkit.apps.common.ForceOption;
import io.github.rnnkit.apps.common.ListOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rnnkit parallel}: minGRU and minLSTM against the classic cells, in time and in accuracy. */
@Command(name = "parallel", mixinStandardHelpOptions = true,
        description = {"Recurrences that train in parallel over time: seconds per epoch of every cell against the look-back "
                + "(vanilla RNN, LSTM and GRU step by step; minGRU and minLSTM by a parallel scan), then what the speed costs: "
                + "the adding problem, delayed recall and selective copying at 1 to 3 layers, parameters matched, the same budget.",
                "Writes report.md, PNG charts and CSV tables to --out (default runs/parallel-<timestamp>); --quick takes about a minute."})
public final class ParallelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look: look-backs 10 and 100, short tasks, 1 and 2 layers, few sequences")
    boolean quick;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/parallel-<timestamp>)")
    Path out;

    @Option(names = "--cells", paramLabel = "LIST", description = "cells (default: rnn,lstm,gru,min-gru,min-lstm)")
    String cells;

    @Option(names = "--seeds", paramLabel = "LIST", description = "seeds of the accuracy runs (default: 1)")
    String seeds;

    @Override
    public Integer call() {
        ParallelOptions base = quick ? ParallelOptions.quick(out) : ParallelOptions.defaults(out);
        ParallelOptions o = base.with(out, force.force, cells == null ? null : ListOption.cells("--cells", cells),
                seeds == null ? null : ListOption.positiveInts("--seeds", seeds).stream().map(Integer::longValue).toList());
        PrintWriter w = spec.commandLine().getOut();
        ParallelApp.Result r = ParallelApp.run(o, line -> {
            w.println(line);
            w.flush();
        });
        w.printf(java.util.Locale.ROOT, "Whole run %.0f s. Report: %s%n", r.seconds(), r.report());
        return 0;
    }
}
