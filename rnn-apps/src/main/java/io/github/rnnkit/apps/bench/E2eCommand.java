package io.github.rnnkit.apps.bench;

import io.github.rnnkit.apps.cli.RnnkitCli;
import io.github.rnnkit.apps.common.ListOption;
import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code rnnkit bench-e2e}: whole jobs as users run them, beside the same jobs in PyTorch
 * ({@code bench/torch_e2e.py}), run in turn in one invocation: the training loop warm (the best
 * run after the first in one process) and the whole job from a cold start (a fresh JVM, a fresh Python).
 */
@Command(name = "bench-e2e", mixinStandardHelpOptions = true,
        description = {"Time whole jobs against PyTorch: the training loop warm, and the whole job from a cold start.",
                "train: Seattle weather, look-back 10, hidden 32, batch 32, 30 epochs, validation every epoch;",
                "article: the seed article's vanilla RNN (hidden 10, full batch, Adam 0.01, 100 epochs) at --look-backs;",
                "adding: the adding problem at lag 100, memory's default budget; stream: one rnnTimeStep of batch 1",
                "(hidden --stream-hidden); predict: forecast the next day from a saved GRU bundle.",
                "The PyTorch side runs on 1 and on 2 threads; the better is reported, with its thread count."})
public final class E2eCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workloads", defaultValue = "train,article,adding,stream,predict", paramLabel = "LIST",
            description = "workloads (default: ${DEFAULT-VALUE})")
    String workloads;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru,min-gru,min-lstm", paramLabel = "LIST", description = "cells (default: ${DEFAULT-VALUE})")
    String cells;

    @Option(names = "--look-backs", defaultValue = "10,100,1000", paramLabel = "LIST",
            description = "the article's look-backs (default: ${DEFAULT-VALUE})")
    String lookBacks;

    @Option(names = "--stream-hidden", defaultValue = "32,128", paramLabel = "LIST",
            description = "hidden sizes of the streaming step (default: ${DEFAULT-VALUE})")
    String streamHidden;

    @Option(names = "--tiny", description = "two epochs and small data: a smoke test (CI runs it)")
    boolean tiny;

    @Option(names = "--no-cold", description = "skip the cold runs (fresh JVM and fresh Python per job)")
    boolean noCold;

    @Option(names = "--plain-jvm", description = "cold runs in a plain JVM as a library user starts one (java -cp, no JVM "
            + "options: no SIMD module, no class-data archive, default memory limits) instead of the launcher's")
    boolean plainJvm;

    @Option(names = "--repeat", defaultValue = "3", converter = OptionValues.Positive.class, paramLabel = "N",
            description = "runs of each job in one process; warm is the best after the first (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--torch", defaultValue = "auto", paramLabel = "PYTHON",
            description = "Python with torch for the reference: auto (python3, /usr/bin/python3), a path, or off")
    String torch;

    @Option(names = "--json", description = "one JSON line per row")
    boolean json;

    @Option(names = "--run", hidden = true, paramLabel = "WORKLOAD", description = "run one workload once and exit (the cold run)")
    String run;

    @Option(names = "--cell", hidden = true, paramLabel = "CELL")
    String cell;

    @Option(names = "--look-back", hidden = true, converter = OptionValues.Positive.class, defaultValue = "100")
    int lookBack;

    @Option(names = "--hidden", hidden = true, converter = OptionValues.Positive.class, defaultValue = "32")
    int hidden;

    @Option(names = "--bundle", hidden = true)
    Path bundle;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (run != null) {
            E2eWorkload wl = E2eWorkload.parse(run);
            w.println(wl.run(CellType.parse(cell), resolved(wl, params(lookBack, hidden, bundle))));
            w.flush();
            return 0;
        }
        List<E2eRow> rows = new ArrayList<>();
        TorchReference ref = torch.equals("off") ? null : TorchReference.find(torch.equals("auto") ? null : torch, root());
        if (!json) {
            w.println(ref == null ? "PyTorch: not available (install python3-torch, or give --torch PYTHON); rnnkit only"
                    : "PyTorch reference: bench/torch_e2e.py");
            w.println(E2eRow.header());
            w.flush();
        }
        Path work = Files.createTempDirectory("rnnkit-bench-e2e");
        for (String name : workloads.split(",")) {
            E2eWorkload wl = E2eWorkload.parse(name);
            for (Job job : jobs(wl, work)) {
                E2eRow row = measure(job, ref, work);
                rows.add(row);
                w.println(json ? row.json() : row.line());
                w.flush();
            }
        }
        return 0;
    }

    /** One row: a workload for one cell and setting. */
    record Job(E2eWorkload workload, CellType cell, String setting, E2eWorkload.Params params, List<String> torchArgs,
               List<String> coldArgs) {
    }

    private List<Job> jobs(E2eWorkload wl, Path work) {
        List<Job> out = new ArrayList<>();
        List<CellType> cellTypes = ListOption.cells("--cells", cells);
        String tinyArg = tiny ? "--tiny" : null;
        switch (wl) {
            case ARTICLE -> {
                for (int l : ListOption.positiveInts("--look-backs", lookBacks)) {
                    out.add(job(wl, CellType.SIMPLE_RNN, "look-back " + l, params(l, 32, null),
                            List.of("article", "--look-back", String.valueOf(l)), List.of("--look-back", String.valueOf(l))));
                }
            }
            case STREAM -> {
                for (CellType c : cellTypes) {
                    for (int h : ListOption.positiveInts("--stream-hidden", streamHidden)) {
                        out.add(job(wl, c, "hidden " + h, params(100, h, null), List.of("stream", "--cell", c.label(),
                                "--hidden", String.valueOf(h)), null));
                    }
                }
            }
            case PREDICT -> {
                Path b = work.resolve("gru32");
                saveBundle(b);
                out.add(job(wl, CellType.GRU, "GRU 32 bundle", params(100, 32, b),
                        List.of("predict", "--workdir", work.toString()), List.of("--bundle", b.toString())));
            }
            default -> {
                for (CellType c : cellTypes) {
                    out.add(job(wl, c, wl == E2eWorkload.ADDING ? "lag 100" : tiny ? "2 epochs" : "30 epochs", params(100, 32, null),
                            List.of(wl.label(), "--cell", c.label()), List.of()));
                }
            }
        }
        if (tinyArg != null) {
            out.replaceAll(j -> new Job(j.workload(), j.cell(), j.setting(), j.params(), with(j.torchArgs(), tinyArg),
                    j.coldArgs() == null ? null : with(j.coldArgs(), tinyArg)));
        }
        return out;
    }

    private static Job job(E2eWorkload wl, CellType cell, String setting, E2eWorkload.Params p, List<String> torchArgs,
                           List<String> cold) {
        return new Job(wl, cell, setting, p, torchArgs, cold);
    }

    private static List<String> with(List<String> args, String more) {
        List<String> out = new ArrayList<>(args);
        out.add(more);
        return out;
    }

    private E2eWorkload.Params params(int lookBackValue, int hiddenValue, Path bundleDir) {
        boolean small = tiny;
        return new E2eWorkload.Params(small ? 2 : -1, lookBackValue, 100, small ? 200 : 2000, hiddenValue, small ? 200 : 2000,
                bundleDir);
    }

    /** Fills in the workload's own epoch count where the parameters leave it open (-1). */
    private static E2eWorkload.Params resolved(E2eWorkload wl, E2eWorkload.Params p) {
        if (p.epochs() >= 0) {
            return p;
        }
        int epochs = switch (wl) {
            case TRAIN -> 30;
            case ARTICLE -> 100;
            default -> 10;
        };
        return new E2eWorkload.Params(epochs, p.lookBack(), p.lag(), p.train(), p.hidden(), p.steps(), p.bundle());
    }

    private E2eRow measure(Job job, TorchReference ref, Path work) {
        E2eWorkload.Params p = resolved(job.workload(), job.params());
        long t = System.nanoTime();
        String first = job.workload().run(job.cell(), p);
        double coldLoop = (System.nanoTime() - t) / 1e9;
        // warm: the best run after the first, by its latency (stream, predict) or its time
        String second = null;
        double warmLoop = Double.NaN;
        double bestKey = Double.POSITIVE_INFINITY;
        for (int r = 1; r < Math.max(2, repeat); r++) {
            t = System.nanoTime();
            String line = job.workload().run(job.cell(), p);
            double s = (System.nanoTime() - t) / 1e9;
            double latency = E2eRow.latency(job.workload(), line);
            double key = Double.isNaN(latency) ? s : latency;
            if (key < bestKey) {
                bestKey = key;
                warmLoop = s;
                second = line;
            }
        }
        Double coldCommand = null;
        if (!noCold && job.coldArgs() != null) {
            List<String> args = new ArrayList<>(List.of("bench-e2e", "--run", job.workload().label(), "--cell", job.cell().label()));
            args.addAll(job.coldArgs());
            coldCommand = freshJvm(args, plainJvm);
        }
        TorchReference.Run best = null;
        int bestThreads = 0;
        if (ref != null) {
            for (int threads : new int[]{1, 2}) {
                List<String> args = new ArrayList<>(job.torchArgs());
                args.addAll(List.of("--threads", String.valueOf(threads), "--repeat", String.valueOf(Math.max(2, repeat))));
                TorchReference.Run r = ref.run(args);
                if (best == null || metric(job, r) < metric(job, best)) {
                    best = r;
                    bestThreads = threads;
                }
            }
        }
        return E2eRow.of(job, first, second, coldLoop, warmLoop, coldCommand, best, bestThreads);
    }

    /** What decides the better PyTorch thread count: the warm loop, or the latency for stream and predict. */
    static double metric(Job job, TorchReference.Run r) {
        return switch (job.workload()) {
            case STREAM -> r.json().get("step_us").asDouble();
            case PREDICT -> r.json().get("call_s").asDouble();
            default -> r.warm();
        };
    }

    private static double freshJvm(List<String> args, boolean plain) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!plain) {
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RnnkitCli.class.getName()));
        cmd.addAll(args);
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("the cold run failed: " + String.join(" ", args) + "\n" + new String(out));
            }
            return (System.nanoTime() - t) / 1e9;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void saveBundle(Path dir) {
        CategoricalDataset ds = CategoricalDataset.builder(SampleDataset.SEATTLE_WEATHER.series())
                .window(WindowSpec.manyToOne(10)).split(SplitFractions.DEFAULT).build();
        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(CellType.GRU).setHiddenSizes(32).setDataShape(ds)
                .optUpdater(UpdaterKind.ADAM, 0.005).build());
        ModelBundle.of(net, ds, Trainer.fit(net, ds.train(), ds.validation(), TrainerOptions.of(1))).save(dir);
    }

    /** @return the project root: the folder holding {@code bench/torch_e2e.py}, above this jar or the working folder */
    static Path root() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(E2eCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // the working folder is enough
        }
        for (Path s : starts) {
            for (Path p = s; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("bench/torch_e2e.py"))) {
                    return p;
                }
            }
        }
        return Path.of("").toAbsolutePath();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
