package io.github.rnnkit.apps.many;

import io.github.rnnkit.apps.common.ForceOption;
import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.LongSeries;
import io.github.rnnkit.core.run.SeriesSummary;
import io.github.rnnkit.core.run.TrainingTask;
import io.github.rnnkit.core.spec.CellType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rnnkit many-series}: a long-format file of many series, a model per series and/or one global model. */
@Command(name = "many-series", mixinStandardHelpOptions = true,
        description = {"Many series in one long-format CSV (a row per series and day: --series-column, --value-column, --date-column): "
                + "one model per series (run as independent tasks: threads here, or Spark with --spark MASTER) and/or one global "
                + "model across all numeric series, each series scaled on its own training part and scored on its own test part "
                + "against its own baselines; how many series each beats its baselines on, and the two against each other.",
                "Writes report.md, series.csv and results.jsonl to --out (default runs/many-series-<timestamp>). --quick without "
                        + "--csv runs a synthetic file of 9 series (4 random walks, 4 mean-reverting, 1 too short)."})
public final class ManySeriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "small budget (3 epochs); without --csv, the synthetic example file")
    boolean quick;

    @Option(names = "--csv", paramLabel = "FILE", description = "the long-format CSV file")
    Path csv;

    @Option(names = "--series-column", paramLabel = "NAME", description = "the column naming each row's series (default: series)")
    String seriesColumn;

    @Option(names = "--value-column", paramLabel = "NAME", description = "the value column (default: value)")
    String valueColumn;

    @Option(names = "--date-column", paramLabel = "NAME", description = "the date column (default: date, when there is one)")
    String dateColumn;

    @Option(names = "--mode", paramLabel = "MODE", description = "per-series, global or both (default: both)")
    String mode;

    @Option(names = "--cell", paramLabel = "CELL", description = "rnn, lstm, gru, min-gru, min-lstm (default: gru)")
    String cell;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, paramLabel = "H", description = "hidden units (default: 16)")
    Integer hidden;

    @Option(names = "--look-back", converter = OptionValues.Positive.class, paramLabel = "N", description = "steps per window (default: 10)")
    Integer lookBack;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, paramLabel = "N", description = "most epochs (default: 30; 3 with --quick)")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "seed (default: 1)")
    Long seed;

    /** Where the per-series models train (default: threads, as many as processors). */
    @picocli.CommandLine.Mixin
    io.github.rnnkit.apps.common.RunnerOptions runner;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--resume", description = "continue the unfinished run in --out: finished series are kept")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/many-series-<timestamp>)")
    Path out;

    @Override
    public Integer call() {
        ManySeriesOptions o = options();
        PrintWriter w = spec.commandLine().getOut();
        ManySeriesResult r = ManySeriesApp.run(o, line -> {
            w.println(line);
            w.flush();
        });
        if (!r.perSeries().isEmpty()) {
            w.println("One model per series: " + SeriesSummary.of(r.perSeries()).line());
        }
        if (!r.global().isEmpty()) {
            w.println("One global model: " + SeriesSummary.of(r.global()).line());
        }
        w.println("Report: " + r.report());
        return 0;
    }

    ManySeriesOptions options() {
        if (resume && force.force) {
            throw new IllegalArgumentException("--resume and --force contradict each other: continue the run in --out, or replace it");
        }
        if (csv == null && !quick) {
            throw new IllegalArgumentException("give the long-format file with --csv FILE (or --quick for the synthetic example)");
        }
        if (csv == null && (seriesColumn != null || valueColumn != null || dateColumn != null)) {
            throw new IllegalArgumentException("--series-column, --value-column and --date-column describe --csv; give the file too");
        }
        String m = mode == null ? "both" : mode;
        if (!List.of("per-series", "global", "both").contains(m)) {
            throw new IllegalArgumentException("--mode: per-series, global or both; got '" + m + "'");
        }
        String c = cell == null ? "gru" : CellType.parse(cell).label();
        TrainingTask model = new TrainingTask("model", "unused", null, null, c, List.of(hidden == null ? 16 : hidden),
                lookBack == null ? 10 : lookBack, epochs != null ? epochs : quick ? 3 : 30, 3, 0.005, seed == null ? 1 : seed);
        LongSeries source = csv == null ? null : new LongSeries(csv.toString(), seriesColumn == null ? "series" : seriesColumn,
                valueColumn == null ? "value" : valueColumn, dateColumn);
        if (source != null) {
            source.names();   // the file and its columns exist: stop here, naming what is wrong, before any training
        }
        return new ManySeriesOptions(source, model, !m.equals("global"), !m.equals("per-series"), runner.master("threads"),
                runner.workers(Runtime.getRuntime().availableProcessors()), out,
                resume ? WriteMode.RESUME : force.force ? WriteMode.REPLACE : WriteMode.NEW);
    }
}
