package io.github.rnnkit.apps.bench;

import org.nd4j.shade.jackson.databind.JsonNode;
import io.github.rnnkit.apps.report.LineChart;
import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.layers.MinRnnRuntimeLayer;
import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Speed against sequence length ({@code rnnkit bench --lengths}): one training and one inference
 * step of every cell at every length and depth of {@link BenchConfig#scan}, the minGRU and minLSTM
 * scans also on one worker (their 2-core/1-core ratio), and beside them the same models in PyTorch
 * ({@code bench/torch_scan_bench.py}: torch.nn's fused RNN/LSTM/GRU and the paper's sequential and
 * parallel forms of the min cells), each PyTorch time the better of 1 and 2 threads. Writes a
 * table, a CSV and log-log charts of time against length.
 */
public final class LengthSweep {
    private LengthSweep() {
    }

    /**
     * One measured row.
     *
     * @param fw      rnnkit or torch
     * @param config  the configuration
     * @param cell    the cell
     * @param form    for rnnkit: "scan, N workers" (min cells) or "sequential"; for torch: fused, sequential or parallel
     * @param trainMs median training step
     * @param inferMs median inference step
     * @param threads threads of the better torch run, or rnnkit's scan workers
     */
    public record Row(String fw, BenchConfig config, CellType cell, String form, double trainMs, double inferMs, int threads) {
    }

    /**
     * @param configs the configurations (from {@link BenchConfig#scan})
     * @param bench   how rnnkit's steps are timed
     * @param torch   the PyTorch reference, or null for rnnkit only
     * @param sink    receives each row as it is measured
     * @return every row
     */
    static List<Row> run(List<BenchConfig> configs, BenchApp.Options bench, TorchReference torch, Consumer<Row> sink) {
        List<Row> rows = new ArrayList<>();
        int workers = MinRnnRuntimeLayer.workers();
        for (BenchConfig c : configs) {
            BenchApp.Options one = new BenchApp.Options(List.of(c), bench.cells(), bench.steps(), bench.warmup(),
                    bench.warmupSeconds(), bench.threads());
            for (BenchResult r : BenchApp.run(one, x -> { })) {
                CellType cell = BenchApp.cellOf(r.cell());
                add(rows, sink, new Row("rnnkit", c, cell, cell.parallelInTime() ? scanForm(workers) : "sequential",
                        r.trainMs(), r.inferMs(), cell.parallelInTime() ? workers : 1));
            }
            List<CellType> min = bench.cells().stream().filter(CellType::parallelInTime).toList();
            if (workers > 1 && !min.isEmpty()) {
                BenchApp.Options single = new BenchApp.Options(List.of(c), min, bench.steps(), bench.warmup(),
                        bench.warmupSeconds(), bench.threads());
                for (BenchResult r : ScanWorkers.with(1, () -> BenchApp.run(single, x -> { }))) {
                    add(rows, sink, new Row("rnnkit", c, BenchApp.cellOf(r.cell()), scanForm(1), r.trainMs(), r.inferMs(), 1));
                }
            }
            if (torch != null) {
                torchRows(c, bench, torch).forEach(r -> add(rows, sink, r));
            }
        }
        return rows;
    }

    private static String scanForm(int workers) {
        return "scan, " + workers + (workers == 1 ? " worker" : " workers");
    }

    private static void add(List<Row> rows, Consumer<Row> sink, Row r) {
        rows.add(r);
        sink.accept(r);
    }

    /** @return the PyTorch rows of one configuration, each metric the better of 1 and 2 threads */
    private static List<Row> torchRows(BenchConfig c, BenchApp.Options bench, TorchReference torch) {
        String cells = String.join(",", bench.cells().stream().map(BenchApp::benchName).toList());
        Map<String, Row> best = new LinkedHashMap<>();
        for (int threads = 1; threads <= 2; threads++) {
            List<JsonNode> lines = torch.lines(List.of("--lengths", Integer.toString(c.length()), "--layers",
                    Integer.toString(c.layers()), "--cells", cells, "--steps", Integer.toString(bench.steps()),
                    "--warmup", Integer.toString(Math.max(1, bench.warmup())), "--threads", Integer.toString(threads)));
            for (JsonNode j : lines) {
                CellType cell = BenchApp.cellOf(j.get("cell").asText());
                String form = j.get("form").asText();
                Row r = new Row("torch", c, cell, form, j.get("train_ms").asDouble(), j.get("infer_ms").asDouble(), threads);
                best.merge(cell + "/" + form, r, (a, b) -> new Row("torch", c, cell, form, Math.min(a.trainMs(), b.trainMs()),
                        Math.min(a.inferMs(), b.inferMs()), a.trainMs() <= b.trainMs() ? a.threads() : b.threads()));
            }
        }
        return new ArrayList<>(best.values());
    }

    /**
     * @param rows every row
     * @return one line per configuration and cell: rnnkit beside PyTorch, with the ratios
     */
    public static Table table(List<Row> rows) {
        Table.Builder t = Table.builder("length", "layers", "cell", "framework", "form", "train ms", "infer ms",
                "threads", "train vs rnnkit GRU");
        for (Row r : rows) {
            double gru = rows.stream().filter(g -> g.fw().equals("rnnkit") && g.cell() == CellType.GRU
                    && g.config().equals(r.config())).mapToDouble(Row::trainMs).findFirst().orElse(Double.NaN);
            t.row(r.config().length(), r.config().layers(), r.cell().displayName(), r.fw(), r.form(),
                    Table.fixed(r.trainMs(), 2), Table.fixed(r.inferMs(), 2), r.threads(),
                    Double.isNaN(gru) ? "" : String.format(Locale.ROOT, "%.2fx", gru / r.trainMs()));
        }
        return t.build();
    }

    /**
     * @param rows  every row
     * @param layers the depth to chart
     * @return training-step time against length, log-log: rnnkit's cells as lines, PyTorch's dashed
     */
    public static LineChart chart(List<Row> rows, int layers) {
        LineChart.Builder b = LineChart.builder("Training step against sequence length, " + layers
                        + (layers == 1 ? " layer" : " layers") + " (batch 32, hidden 128)", "sequence length (steps)",
                "ms per training step").optLogX().optLogY();
        Map<String, List<Row>> series = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.config().layers() == layers && !(r.fw().equals("rnnkit") && r.form().equals(scanForm(1))
                    && MinRnnRuntimeLayer.workers() > 1)) {
                String name = (r.fw().equals("rnnkit") ? "rnnkit " : "PyTorch ") + r.cell().displayName()
                        + (r.fw().equals("torch") && r.cell().parallelInTime() ? " (" + r.form() + ")" : "");
                series.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
            }
        }
        series.forEach((name, rs) -> {
            double[] x = rs.stream().mapToDouble(r -> r.config().length()).toArray();
            double[] y = rs.stream().mapToDouble(Row::trainMs).toArray();
            LineChart.Series s = new LineChart.Series(name, x, y);
            b.add(name.startsWith("PyTorch") ? s.asReference() : s);
        });
        return b.build();
    }

    /**
     * Writes {@code report.md} (the table and how it was run), {@code length-sweep.csv} and one
     * chart per depth into {@code out}.
     *
     * @param out     the folder
     * @param force   replace a run already there
     * @param rows    every row
     * @param command the command line that ran it, for the report
     * @return the folder
     */
    static Path write(Path out, boolean force, List<Row> rows, String command) {
        try (RunFolder folder = RunFolder.create(out, "bench-lengths", force)) {
            Table t = table(rows);
            folder.table("length-sweep", t);
            StringBuilder md = new StringBuilder("# Speed against sequence length\n\n`" + command + "`\n\n");
            md.append(t.markdown()).append('\n');
            rows.stream().map(r -> r.config().layers()).distinct().forEach(l -> {
                folder.chart("time-vs-length-" + l + (l == 1 ? "-layer" : "-layers"), chart(rows, l));
                md.append("![").append(l).append(" layers](time-vs-length-").append(l).append(l == 1 ? "-layer" : "-layers")
                        .append(".png)\n\n");
            });
            folder.text("report.md", md.toString());
            folder.commit();
            return folder.dir();
        }
    }
}
