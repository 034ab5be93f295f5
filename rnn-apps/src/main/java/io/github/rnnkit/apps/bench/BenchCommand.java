package io.github.rnnkit.apps.bench;

import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.core.spec.CellType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit bench}: training and inference step times, to compare with PyTorch's. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time one training step and one inference step of each cell on the benchmark configurations.",
                "a: batch 64, length 50, input 1, hidden 64, many-to-many regression;",
                "b: batch 64, length 100, input 3 one-hot, hidden 128, many-to-one, 3 classes;",
                "c: batch 32, length 1000, input 3 one-hot, hidden 32, many-to-one, 3 classes.",
                "--seq2seq: a GRU encoder-decoder, batch 64, source and target length 30, vocabulary 20, hidden 128, per attention kind.",
                "Compare with PyTorch: python3 ../shared/bench/side_by_side.py (see docs/BENCHMARKS.md)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--configs", defaultValue = "a,b,c", paramLabel = "LIST", description = "configurations (default: ${DEFAULT-VALUE})")
    String configs;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru,min-gru,min-lstm", paramLabel = "LIST", description = "cells (default: ${DEFAULT-VALUE})")
    String cells;

    @Option(names = "--steps", converter = OptionValues.Positive.class, defaultValue = "20", paramLabel = "N", description = "timed steps; the median is reported (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", converter = OptionValues.NonNegative.class, defaultValue = "5", paramLabel = "N", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "5", paramLabel = "S",
            description = "run each step at least this long before timing it: the JVM compiles hot code over the first "
                    + "seconds (default: ${DEFAULT-VALUE}; 0 times the first steps)")
    double warmupSeconds;

    @Option(names = "--threads", converter = OptionValues.NonNegative.class, defaultValue = "0", paramLabel = "N", description = "OpenBLAS threads (default: OpenBLAS's own)")
    int threads;

    @Option(names = "--length", converter = OptionValues.Positive.class, paramLabel = "T", description = "override the sequence length (memory runs)")
    Integer length;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, paramLabel = "H", description = "override the hidden size (memory runs)")
    Integer hidden;

    @Option(names = "--batch", converter = OptionValues.Positive.class, paramLabel = "B", description = "override the minibatch size (memory runs)")
    Integer batch;

    @Option(names = "--lengths", split = ",", paramLabel = "LIST",
            description = "instead of --configs: the speed-against-length configurations, batch 32, input 3, hidden 128, "
                    + "many-to-one, one per length (e.g. 100,1000,10000; bench/torch_scan_bench.py runs the same in PyTorch)")
    List<Integer> lengths;

    @Option(names = "--layers", split = ",", defaultValue = "1", paramLabel = "LIST",
            description = "stacked layers of the --lengths configurations (default: ${DEFAULT-VALUE}; e.g. 1,3)")
    List<Integer> layers;

    @Option(names = "--scan-workers", converter = OptionValues.Positive.class, paramLabel = "N",
            description = "threads minGRU and minLSTM layers split a pass among (default: the available processors)")
    Integer scanWorkers;

    @Option(names = "--torch", defaultValue = "auto", paramLabel = "PYTHON",
            description = "with --lengths: Python with torch to run bench/torch_scan_bench.py beside rnnkit: auto "
                    + "(python3, /usr/bin/python3), a path, or off (default: ${DEFAULT-VALUE})")
    String torch;

    @Option(names = "--out", paramLabel = "DIR", description = "with --lengths: write report.md, the CSV and the charts here")
    java.nio.file.Path out;

    @Option(names = "--force", description = "with --out: replace a run already there")
    boolean force;

    @Option(names = "--seq2seq",
            description = "instead of --configs: the encoder-decoder configuration, GRU, batch 64, source and target length 30, "
                    + "vocabulary 20, hidden 128, one row per --attention kind, beside bench/torch_seq2seq_bench.py (--torch)")
    boolean seq2seq;

    @Option(names = "--attention", defaultValue = "none,bahdanau,luong", paramLabel = "LIST",
            description = "with --seq2seq: attention kinds (default: ${DEFAULT-VALUE})")
    String attention;

    @Option(names = "--json", description = "one JSON line per configuration and cell (the schema of torch_rnn_bench.py)")
    boolean json;

    @Option(names = "--no-peak", description = "skip measuring the float32 matrix-product peak")
    boolean noPeak;

    @Override
    public Integer call() {
        List<BenchConfig> named = new java.util.ArrayList<>();
        if (lengths == null) {
            Arrays.stream(configs.split(",")).map(BenchConfig::byName).forEach(named::add);
        } else {
            for (int depth : layers) {
                if (depth < 1) {
                    throw new IllegalArgumentException("--layers takes positive counts, got " + depth);
                }
                for (int t : lengths) {
                    if (t < 1) {
                        throw new IllegalArgumentException("--lengths takes positive lengths, got " + t);
                    }
                    named.add(BenchConfig.scan(t, depth));
                }
            }
        }
        return ScanWorkers.with(scanWorkers, () -> run(named));
    }

    private int run(List<BenchConfig> named) {
        List<BenchConfig> cfgs = named.stream()
                .map(c -> c.with(batch == null ? 0 : batch, length == null ? 0 : length, hidden == null ? 0 : hidden)).toList();
        List<CellType> cellTypes = Arrays.stream(cells.split(",")).map(CellType::parse).toList();
        PrintWriter w = spec.commandLine().getOut();
        if (!BenchApp.ompWaitPolicy().equalsIgnoreCase("passive")) {
            spec.commandLine().getErr().println("rnnkit bench: OMP_WAIT_POLICY is " + BenchApp.ompWaitPolicy()
                    + "; times on few cores are slower than with PASSIVE, which rnnkit sets unless told otherwise "
                    + "(docs/BENCHMARKS.md)");
        }
        BenchApp.Options options = new BenchApp.Options(cfgs, cellTypes, steps, warmup, warmupSeconds, threads);
        if (seq2seq && lengths != null) {
            throw new IllegalArgumentException("--seq2seq and --lengths are different benchmarks: give one");
        }
        if (lengths != null) {
            return sweep(cfgs, options, w);
        }
        if (seq2seq) {
            return seq2seq(options, w);
        }
        double peak = noPeak ? Double.NaN : BenchApp.peakGflops();
        if (!json) {
            if (!noPeak) {
                w.printf(Locale.ROOT, "float32 matrix-product peak: %.1f GFLOP/s (sgemm 1024^3 through ND4J)%n", peak);
            }
            w.printf("%-9s%-9s%12s%12s%20s%16s%n", "cfg", "cell", "train ms", "infer ms", "cold: train, infer",
                    "train % of peak");
        }
        BenchApp.run(options, r -> {
            CellType c = BenchApp.cellOf(r.cell());
            double share = 100 * r.config().trainFlops(c) / (r.trainMs() / 1e3) / (peak * 1e9);
            String row = json ? r.json().replaceFirst("}$", String.format(Locale.ROOT,
                    ", \"train_gflop\": %.4f, \"peak_gflops\": %s, \"train_share_of_peak\": %s}", r.config().trainFlops(c) / 1e9,
                    Double.isNaN(peak) ? "null" : String.format(Locale.ROOT, "%.2f", peak),
                    Double.isNaN(share) ? "null" : String.format(Locale.ROOT, "%.4f", share / 100)))
                    : String.format(Locale.ROOT, "%-9s%-9s%12.2f%12.2f%12.2f%8.2f%15s", r.config().name(), r.cell(),
                    r.trainMs(), r.inferMs(), r.trainMsCold(), r.inferMsCold(),
                    Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", share));
            w.println(row);
            w.flush();
        });
        return 0;
    }

    private int seq2seq(BenchApp.Options options, PrintWriter w) {
        List<io.github.rnnkit.core.seq2seq.AttentionKind> kinds = Arrays.stream(attention.split(",")).map(String::trim)
                .map(io.github.rnnkit.core.seq2seq.AttentionKind::parse).toList();
        TorchReference ref = torch.equals("off") ? null
                : TorchReference.find(torch.equals("auto") ? null : torch, E2eCommand.root(), "torch_seq2seq_bench.py");
        List<Seq2SeqBench.Row> rows = new java.util.ArrayList<>();
        for (io.github.rnnkit.core.seq2seq.AttentionKind k : kinds) {
            rows.add(Seq2SeqBench.rnnkit(k, options));
        }
        List<Seq2SeqBench.Row> theirs = ref == null ? List.of() : Seq2SeqBench.torch(ref, kinds, steps);
        if (json) {
            rows.forEach(r -> w.println(r.json()));
            theirs.forEach(r -> w.println(r.json()));
            w.flush();
            return 0;
        }
        w.println(ref == null ? "PyTorch: not available (install python3-torch, or give --torch PYTHON); rnnkit only"
                : "PyTorch reference: bench/torch_seq2seq_bench.py, each the better of 1 and 2 threads");
        w.printf("%-10s%14s%14s%16s%16s%10s%n", "attention", "rnnkit train", "rnnkit infer", "PyTorch train", "PyTorch infer",
                "train x");
        for (Seq2SeqBench.Row r : rows) {
            Seq2SeqBench.Row t = theirs.stream().filter(x -> x.attention() == r.attention()).findFirst().orElse(null);
            w.printf(Locale.ROOT, "%-10s%11.1f ms%11.1f ms%s%n", r.attention().label(), r.trainMs(), r.inferMs(),
                    t == null ? "" : String.format(Locale.ROOT, "%10.1f ms (%d)%10.1f ms%9.2fx", t.trainMs(), t.threads(),
                            t.inferMs(), r.trainMs() / t.trainMs()));
        }
        w.flush();
        return 0;
    }

    private int sweep(List<BenchConfig> cfgs, BenchApp.Options options, PrintWriter w) {
        TorchReference ref = torch.equals("off") ? null
                : TorchReference.find(torch.equals("auto") ? null : torch, E2eCommand.root(), "torch_scan_bench.py");
        w.println(ref == null ? "PyTorch: not available (install python3-torch, or give --torch PYTHON); rnnkit only"
                : "PyTorch reference: bench/torch_scan_bench.py, each time the better of 1 and 2 threads");
        w.printf("%-9s%-7s%-12s%-8s%-20s%12s%12s%n", "cfg", "layers", "cell", "fw", "form", "train ms", "infer ms");
        w.flush();
        List<LengthSweep.Row> rows = LengthSweep.run(cfgs, options, ref, r -> {
            w.printf(Locale.ROOT, "%-9s%-7d%-12s%-8s%-20s%12.2f%12.2f%n", r.config().name(), r.config().layers(),
                    r.cell().displayName(), r.fw(), r.form(), r.trainMs(), r.inferMs());
            w.flush();
        });
        if (out != null) {
            w.println("wrote " + LengthSweep.write(out, force, rows, "rnnkit " + String.join(" ",
                    spec.commandLine().getParseResult().originalArgs())));
        }
        w.flush();
        return 0;
    }
}
