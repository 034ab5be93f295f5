package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.EvaluationMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code rnnkit evaluate}: a saved model on new data, next to the baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a saved model on a series, next to the same baselines.",
                "Windows that forecast a step of the model's training period (recorded in its bundle) are left out",
                "unless --all-windows is given; the majority-class and Markov baselines are fitted on the evaluated",
                "series itself, which can only flatter them."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputOptions target;

    @Option(names = "--all-windows", description = "score every window, also those that forecast the model's training "
            + "period (in-sample: flattering)")
    boolean allWindows;

    @Override
    public Integer call() {
        EvaluateApp.Result r = EvaluateApp.run(target.bundle(), target.series(), allWindows);
        PrintWriter w = spec.commandLine().getOut();
        if (r.overlap() != null) {
            spec.commandLine().getErr().println(r.overlap());
        }
        w.println(r.windows() + " windows evaluated" + (r.overlap() == null ? "" : allWindows
                ? " (all, including the model's training period)" : " (after the model's training period)") + "\n");
        w.println(r.categorical() != null ? EvaluationMarkdown.categorical(r.categorical()) : EvaluationMarkdown.price(r.price()));
        w.print(EvaluationMarkdown.verdict(r.comparisons(), "this data"));
        w.flush();
        return 0;
    }
}
