package io.github.rnnkit.apps.model;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit predict}: the next value(s) from the end of a series. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Forecast the next value(s) from the end of a series with a saved model.",
                "Categories: the most likely one and the probability of each. Prices: the next H prices."})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInputOptions target;

    @Override
    public Integer call() {
        Prediction p = PredictApp.run(target.bundle(), target.series());
        PrintWriter w = spec.commandLine().getOut();
        String after = p.lastDate() == null ? "after the last step" : "after " + p.lastDate();
        if (p.steps() != null) {
            for (int h = 0; h < p.steps().size(); h++) {
                w.printf("step +%d (%s): %s%n", h + 1, after, p.steps().get(h));
            }
        } else if (p.classes() != null) {
            w.printf("next (%s): %s%n", after, p.category());
            for (int i = 0; i < p.classes().size(); i++) {
                w.printf(Locale.ROOT, "  %-12s %.4f%n", p.classes().get(i), p.probabilities()[i]);
            }
        } else {
            w.printf(Locale.ROOT, "last price: %.6g%n", p.lastPrice());
            for (int h = 0; h < p.prices().length; h++) {
                w.printf(Locale.ROOT, "step +%d (%s): %.6g%n", h + 1, after, p.prices()[h]);
            }
        }
        if (p.attention() != null) {
            w.println("attention over the steps read (step +1 first; tenths of each row's largest weight):");
            for (double[] row : p.attention()) {
                double max = java.util.Arrays.stream(row).max().orElse(1);
                StringBuilder b = new StringBuilder("  ");
                for (double x : row) {
                    b.append((int) Math.min(9, Math.floor(10 * x / max)));
                }
                w.println(b);
            }
        }
        w.flush();
        return 0;
    }
}
