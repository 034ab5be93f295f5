package io.github.rnnkit.apps.forward;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rnnkit forward}: a model's output sequence for one input sequence. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = {"Print a model's output sequence for one input sequence.",
                "Input: CSV without header, one row per time step, one column per input feature.",
                "Output: CSV, one row per step."})
public final class ForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "model file")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "the input sequence")
    Path input;

    @Override
    public Integer call() {
        double[][] out = ForwardApp.run(model, input);
        PrintWriter w = spec.commandLine().getOut();
        for (double[] row : out) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // Shortest text that reads back as the same float32.
                sb.append(i == 0 ? "" : ",").append((float) row[i]);
            }
            w.println(sb);
        }
        w.flush();
        return 0;
    }
}
