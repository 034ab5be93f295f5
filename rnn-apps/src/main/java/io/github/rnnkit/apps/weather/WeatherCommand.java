package io.github.rnnkit.apps.weather;

import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.apps.common.ForceOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit weather}: the weather walkthrough. */
@Command(name = "weather", mixinStandardHelpOptions = true,
        description = {"The weather walkthrough: the seed article's experiment on 1,500 days of uniformly random weather "
                + "(look-backs 10, 100, 1000; vanilla RNN, LSTM, GRU): next-day probabilities, loss and gradient charts, "
                + "held-out accuracy against the 1/3 ceiling; then the real Seattle weather against majority, persistence "
                + "and Markov baselines.",
                "Writes report.md, PNG charts and CSV tables to --out (default runs/weather-<timestamp>)."})
public final class WeatherCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a first look in seconds: 3 article epochs, 2 Seattle epochs")
    boolean quick;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/weather-<timestamp>)")
    Path out;

    @Option(names = "--look-backs", defaultValue = "10,100,1000", paramLabel = "LIST",
            description = "look-backs of the article's experiment (default: ${DEFAULT-VALUE})")
    String lookBacks;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru", paramLabel = "LIST", description = "cells (default: ${DEFAULT-VALUE})")
    String cells;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, defaultValue = "10", paramLabel = "H", description = "hidden units, article part (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--lr", converter = OptionValues.Rate.class, defaultValue = "0.01", paramLabel = "RATE", description = "Adam's learning rate, article part (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "full-batch epochs, article part (default: 100; 3 with --quick)")
    Integer epochs;

    @Option(names = "--seattle-epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "most epochs on Seattle (default: 30; 2 with --quick)")
    Integer seattleEpochs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the networks (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        WeatherOptions base = quick ? WeatherOptions.quick(out) : WeatherOptions.defaults(out);
        WeatherOptions o = new WeatherOptions(ListOption.positiveInts("--look-backs", lookBacks), ListOption.cells("--cells", cells),
                hidden, learningRate, epochs != null ? epochs : base.epochs(), base.testFraction(), base.seattleHidden(),
                seattleEpochs != null ? seattleEpochs : base.seattleEpochs(), seed, out, force.force);
        WeatherResult r = WeatherApp.run(o);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Random weather (no signal; 1/3 is the ceiling): held-out accuracy and next-day forecast");
        for (ArticleRun a : r.article()) {
            w.printf(Locale.ROOT, "  %-12s look-back %5d  accuracy %.3f (p %.2g vs 1/3)  next day %s (%s)%n",
                    a.cell().displayName(), a.lookBack(), a.testAccuracy(), a.pBetterThanChance(), a.nextDay().predicted(),
                    probabilities(a.nextDay()));
        }
        w.println("Seattle weather, test part:");
        for (SeattleRun s : r.seattle()) {
            var b = s.evaluation().baselines();
            w.printf(Locale.ROOT, "  %-12s accuracy %.3f  (majority %.3f, persistence %.3f, Markov %.3f): %s%n",
                    s.cell().displayName(), s.evaluation().model().accuracy(), b.get("majority class").accuracy(),
                    b.get("persistence").accuracy(), b.get("Markov chain").accuracy(), s.evaluation().summary());
        }
        w.println("Report: " + r.report());
        return 0;
    }

    private static String probabilities(NextDay d) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < d.categories().size(); k++) {
            sb.append(k > 0 ? ", " : "").append(d.categories().get(k)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", d.probabilities()[k]));
        }
        return sb.toString();
    }
}
