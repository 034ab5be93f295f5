package io.github.rnnkit.apps.train;

import io.github.rnnkit.core.train.DataParallelMethod;
import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.apps.common.KindConverter;
import io.github.rnnkit.apps.common.SeriesInputOptions;
import io.github.rnnkit.apps.common.WindowOptions;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.Tbptt;
import io.github.rnnkit.core.train.ProgressBar;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.apps.common.ForceOption;
import io.github.rnnkit.core.output.StagedFolder;
import io.github.rnnkit.core.output.WriteMode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rnnkit train}: train, evaluate against baselines on the test part, save. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a series, evaluate it against baselines, save it.",
                "Writes DIR/model (the bundle), DIR/report.md (data, spec, test metrics next to the baselines, verdict)",
                "and DIR/history.csv."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesInputOptions input;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "categorical or price (default: inferred from the values)")
    SeriesKind kind;

    @Option(names = "--cell", paramLabel = "CELL", description = "rnn, lstm, gru, min-gru or min-lstm (required)")
    String cell;

    @Mixin
    WindowOptions window;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "SIZES", description = "hidden sizes, e.g. 32,32 (default: ${DEFAULT-VALUE})")
    String hidden;

    @Option(names = "--epochs", converter = OptionValues.Positive.class, defaultValue = "30", paramLabel = "N", description = "most epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", converter = OptionValues.Positive.class, defaultValue = "32", paramLabel = "N", description = "windows per update (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--patience", converter = OptionValues.NonNegative.class, defaultValue = "5", paramLabel = "N",
            description = "epochs without a better validation loss before stopping; 0 never (default: ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--lr", converter = OptionValues.Rate.class, defaultValue = "0.005", paramLabel = "RATE", description = "Adam's learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--tbptt", paramLabel = "K[:K2]", description = "truncated BPTT: forward length K, backward K2 (default K2 = K)")
    String tbptt;

    @Option(names = "--clip", defaultValue = "none", paramLabel = "MODE:THRESHOLD",
            description = "gradient clipping, e.g. global-l2:1.0 (the whole gradient to norm 1, as PyTorch's clip_grad_norm_), l2-per-layer:1.0, elementwise:0.5 (default: ${DEFAULT-VALUE})")
    String clip;

    @Option(names = "--scaler", paramLabel = "NAME",
            description = "prices only: none, min-max, z-score or log-returns (default: z-score)")
    String scaler;

    @Option(names = "--dropout", converter = OptionValues.Probability.class, defaultValue = "0", paramLabel = "P", description = "dropout probability (default: ${DEFAULT-VALUE})")
    double dropout;

    @Option(names = "--bidirectional", description = "recurrent layers read each window forwards and backwards and "
            + "concatenate both states at every step (twice the parameters per layer; not with --tbptt)")
    boolean bidirectional;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder to write (required); refused if it holds a run, "
            + "unless --force")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--topology", defaultValue = "auto", paramLabel = "NAME",
            description = "auto (many-to-one, or a RepeatVector seq2seq with --horizon above 1) or encoder-decoder: an encoder "
                    + "and a decoder trained with teacher forcing that feeds back its own forecasts, for prices or categories "
                    + "(default: ${DEFAULT-VALUE})")
    String topology;

    @Option(names = "--attention", paramLabel = "KIND",
            description = "with --topology encoder-decoder: none (default), bahdanau or luong")
    String attention;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the run a killed 'train --out DIR' left "
            + "unfinished, with the options it was started with (give no other options)")
    Path resume;

    /** The file in a run folder that records how the run was started, for {@code --resume}. */
    static final String COMMAND_LINE = "command-line.json";

    @Option(names = "--spark", paramLabel = "MASTER", description = "experimental: train data-parallel on Spark (local[N] or "
            + "spark://HOST:7077), beside the same training in this process; the report compares time, "
            + "score and determinism (the launcher builds rnn-spark for it)")
    String sparkMaster;

    @Option(names = "--data-parallel", paramLabel = "METHOD", description = "with --spark: averaging (parameter averaging "
            + "every 5 minibatches) or gradient-sharing (threshold-encoded, over UDP port 40123) (default: averaging)")
    String dataParallel;

    @Option(names = "--workers", converter = io.github.rnnkit.apps.common.OptionValues.Positive.class, paramLabel = "N",
            description = "with --spark: workers the minibatches are spread over (default: 2)")
    Integer sparkWorkers;

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        if (cell == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--cell=CELL'");
        }
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        boolean encoderDecoder = switch (topology.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> false;
            case "encoder-decoder" -> true;
            default -> throw new IllegalArgumentException("--topology: auto or encoder-decoder, got '" + topology + "'");
        };
        if (attention != null && !encoderDecoder) {
            throw new IllegalArgumentException("--attention needs --topology encoder-decoder: attention reads the states of an "
                    + "encoder, and this model has none");
        }
        if (sparkWorkers != null && sparkMaster == null) {
            throw new IllegalArgumentException("--workers goes with --spark: it counts the data-parallel workers");
        }
        if (dataParallel != null && sparkMaster == null) {
            throw new IllegalArgumentException("--data-parallel goes with --spark: it says how the data-parallel workers share updates");
        }
        method();   // an unknown method is refused before anything is read or trained
        if (sparkMaster != null && encoderDecoder) {
            throw new IllegalArgumentException("--spark trains the one-to-one and many-to-one models; not --topology encoder-decoder");
        }
        if (encoderDecoder) {
            return encoderDecoder(force.force ? WriteMode.REPLACE : WriteMode.NEW);
        }
        return train(force.force ? WriteMode.REPLACE : WriteMode.NEW);
    }

    private int encoderDecoder(WriteMode mode) {
        List<String> unsupported = new ArrayList<>();
        if (tbptt != null) {
            unsupported.add("--tbptt (the decoder starts from the encoder's last state)");
        }
        if (bidirectional) {
            unsupported.add("--bidirectional");
        }
        if (dropout > 0) {
            unsupported.add("--dropout");
        }
        if (scaler != null) {
            unsupported.add("--scaler (prices are scaled as log returns over the window's last price)");
        }
        if (!"none".equalsIgnoreCase(clip.trim())) {
            unsupported.add("--clip (gradients are clipped at a per-layer norm of 5)");
        }
        if (!window.split().equals(io.github.rnnkit.data.split.SplitFractions.DEFAULT)) {
            unsupported.add("--split (the split is 70/15/15)");
        }
        List<Integer> h = sizes(hidden);
        if (h.size() != 1) {
            unsupported.add("--hidden with several layers (one size: encoder and decoder)");
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("--topology encoder-decoder does not take " + String.join(", ", unsupported));
        }
        io.github.rnnkit.core.seq2seq.AttentionKind kind;
        try {
            kind = io.github.rnnkit.core.seq2seq.AttentionKind.parse(attention == null ? "none" : attention);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--attention: " + e.getMessage(), e);
        }
        io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.Settings s = new io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.Settings(
                CellType.parse(cell), h.get(0), kind, window.lookBack, window.horizon, epochs, batch, learningRate, seed);
        EncoderDecoderTrainApp.Result r = EncoderDecoderTrainApp.run(input.toInput(), this.kind, s, out, mode);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("trained %s encoder-decoder (%s attention): %d epochs, kept epoch %d%n", s.cell().label(), kind.label(),
                epochs, r.trained().fit().bestEpoch());
        r.sentences().forEach(x -> w.println("  " + x));
        w.println("report: " + r.report());
        w.println("model:  " + r.model());
        w.flush();
        return 0;
    }

    private int train(WriteMode mode) {
        TrainOptions o = new TrainOptions(input.toInput(), kind, CellType.parse(cell), window.lookBack, window.horizon,
                sizes(hidden), epochs, batch, patience, learningRate, Tbptt.parse(tbptt), Clipping.parse(clip),
                scaler == null ? null : ScalerKind.parse(scaler), window.split(), dropout, bidirectional, seed, out, mode, ProgressBar.onTerminal());
        if (sparkMaster != null) {
            DataParallelTrainApp.Result r = DataParallelTrainApp.run(o, sparkMaster, sparkWorkers == null ? 2 : sparkWorkers,
                    method());
            PrintWriter w = spec.commandLine().getOut();
            r.runs().forEach(run -> w.printf(java.util.Locale.ROOT, "  %-60s %6.1f s, final validation loss %.6f%n", run.how(),
                    run.seconds(), run.last()));
            w.println(r.reproducible() ? "  the two data-parallel runs ended identically" : "  the two data-parallel runs differed");
            r.comparisons().forEach(c -> w.println("  data-parallel model " + c.sentence()));
            w.println("report: " + r.report());
            w.flush();
            return 0;
        }
        // originalArgs holds the whole command line, `train` and any options before it included
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> args = all.subList(all.indexOf(spec.name()) + 1, all.size());
        TrainResult r = TrainApp.run(o, dir -> writeArgs(dir.resolve(COMMAND_LINE), args));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("trained %s: %d epochs, kept epoch %d%n", o.cell().label(), r.history().epochs().size(), r.history().bestEpoch());
        for (Comparison c : r.comparisons()) {
            w.println("  model " + c.sentence());
        }
        w.println("report: " + r.report());
        w.println("model:  " + r.model());
        w.flush();
        return 0;
    }

    private int resume() {
        if (spec.commandLine().getParseResult().matchedOptions().size() > 1) {
            throw new ParameterException(spec.commandLine(), "--resume takes no other options: the run continues with the "
                    + "options it was started with");
        }
        Path staging = StagedFolder.unfinished(resume);
        if (staging == null || !Files.isRegularFile(staging.resolve(COMMAND_LINE))) {
            throw new IllegalArgumentException("--resume " + resume + ": there is no unfinished run of 'rnnkit train --out "
                    + resume + "' to continue" + (Files.isDirectory(resume) ? " (the run there is finished)" : ""));
        }
        List<String> args = readArgs(staging.resolve(COMMAND_LINE));
        CommandLine again = new CommandLine(new TrainCommand());
        again.setCaseInsensitiveEnumValuesAllowed(true);
        again.setOut(spec.commandLine().getOut());
        again.setErr(spec.commandLine().getErr());
        again.parseArgs(args.toArray(new String[0]));
        TrainCommand original = again.getCommand();
        if (!resume.toAbsolutePath().normalize().equals(original.out.toAbsolutePath().normalize())) {
            original.out = resume;   // the folders were moved together; write where the user points
        }
        return original.train(WriteMode.RESUME);
    }

    private DataParallelMethod method() {
        return dataParallel == null ? DataParallelMethod.PARAMETER_AVERAGING : DataParallelMethod.parse(dataParallel);
    }

    private static void writeArgs(Path file, List<String> args) {
        try {
            ObjectMapper m = new ObjectMapper();
            m.writeValue(file.toFile(), args);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> readArgs(Path file) {
        try {
            List<String> args = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).forEach(n -> args.add(n.asText()));
            return args;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read how the run was started: " + e.getMessage());
        }
    }

    static List<Integer> sizes(String text) {
        try {
            List<Integer> sizes = Arrays.stream(text.split(",", -1)).map(String::trim).map(Integer::parseInt).toList();
            if (sizes.stream().anyMatch(h -> h < 1)) {
                throw new IllegalArgumentException("--hidden sizes must be at least 1; got '" + text + "'");
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hidden must be sizes separated by commas, e.g. 32,32; got '" + text + "'");
        }
    }
}
