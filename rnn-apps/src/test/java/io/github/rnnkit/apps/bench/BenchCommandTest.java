package io.github.rnnkit.apps.bench;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.spec.CellType;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark in a tiny mode (few steps, no warm-up): it runs and prints side_by_side.py's schema. Not a timing test. */
class BenchCommandTest {
    @Test
    void tinyRunPrintsOneJsonLinePerConfigAndCell() throws Exception {
        CliRun r = CliRun.of("bench", "--configs", "a", "--cells", "RNN,LSTM,GRU", "--steps", "1", "--warmup", "0",
                "--warmup-seconds", "0", "--json");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size());
        ObjectMapper m = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode n = m.readTree(lines.get(i));
            assertEquals("rnnkit", n.get("fw").asText());
            assertEquals("a", n.get("cfg").asText());
            assertEquals(List.of("RNN", "LSTM", "GRU").get(i), n.get("cell").asText());
            assertTrue(n.get("train_ms").asDouble() > 0 && n.get("infer_ms").asDouble() > 0);
            // Without warm-up time the steady-state figures are the cold ones.
            assertEquals(n.get("train_ms").asDouble(), n.get("train_ms_cold").asDouble(), lines.get(i));
            assertEquals(n.get("infer_ms").asDouble(), n.get("infer_ms_cold").asDouble(), lines.get(i));
            assertEquals(0.0, n.get("warmup_s").asDouble());
            // The build runs tests as ./rnnkit runs the command: SIMD module resolved, passive OpenMP threads.
            assertTrue(n.get("simd_lanes").asInt() > 0, lines.get(i));
            assertEquals("PASSIVE", n.get("omp_wait_policy").asText());
        }
    }

    @Test
    void warmupTimeRunsStepsUntilItHasPassedThenTimesThemAgain() {
        var o = new BenchApp.Options(List.of(BenchConfig.byName("a").with(4, 5, 8)),
                List.of(CellType.GRU), 3, 1, 0.5, 0);
        long t0 = System.nanoTime();
        var r = BenchApp.run(o, x -> { }).get(0);
        assertTrue((System.nanoTime() - t0) / 1e9 >= 2 * 0.5, "training and inference each ran for the warm-up time");
        assertTrue(r.trainMs() > 0 && r.trainMsCold() > 0 && r.inferMs() > 0 && r.inferMsCold() > 0, r.toString());
        assertTrue(r.json().contains("\"warmup_s\": 0.5"), r.json());
        CliRun bad = CliRun.of("bench", "--configs", "a", "--warmup-seconds", "-1");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--warmup-seconds must be between 0 and 3600"), bad.err());
        assertEquals("", bad.out(), "nothing printed before the error");
    }

    @Test
    void theLengthSweepTimesEveryCellAndTheScanOnOneWorkerAndWritesItsReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CliRun r = CliRun.of("bench", "--lengths", "5,12", "--layers", "1,2", "--batch", "4", "--hidden", "8", "--steps", "1",
                "--warmup", "0", "--warmup-seconds", "0", "--torch", "off", "--scan-workers", "2", "--out",
                dir.resolve("s").toString());
        assertEquals(0, r.status(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("T")).toList();
        // 2 lengths x 2 depths x (5 cells + the 2 min cells on one worker)
        assertEquals(2 * 2 * 7, rows.size(), r.out());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("T12x2") && l.contains("minLSTM") && l.contains("scan, 1 worker")), r.out());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("T5 ") && l.contains("minGRU") && l.contains("scan, 2 workers")), r.out());
        for (String f : List.of("report.md", "length-sweep.csv", "time-vs-length-1-layer.png", "time-vs-length-2-layers.png")) {
            assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("s").resolve(f)), f);
        }
        assertEquals(2, CliRun.of("bench", "--lengths", "0").status());
    }

    @Test
    void theScanBenchmarkSizesMatchItsTorchScript() throws Exception {
        BenchConfig c = BenchConfig.scan(1000, 3);
        assertEquals(List.of(32, 1000, 3, 128, 3, 3), List.of(c.batch(), c.length(), c.input(), c.hidden(), c.classes(), c.layers()));
        assertEquals("T1000x3", c.name());
        String script = java.nio.file.Files.readString(E2eCommand.root().resolve("bench/torch_scan_bench.py"));
        assertTrue(script.contains("B, I, H, C = 32, 3, 128, 3"), "bench/torch_scan_bench.py has the same sizes");
        assertEquals(3, c.spec(CellType.MIN_GRU).depth());
    }

    @Test
    void configurationsMatchTheTorchReference() {
        BenchConfig b = BenchConfig.byName("b");
        assertEquals(List.of(64, 100, 3, 128, 3), List.of(b.batch(), b.length(), b.input(), b.hidden(), b.classes()));
        var d = b.data(0);
        assertEquals(List.of(64L, 3L, 100L), java.util.Arrays.stream(d.getFeatures().shape()).boxed().toList());
        assertEquals(6400.0, d.getFeatures().sumNumber().doubleValue(), 1e-3, "one-hot inputs: one 1 per example and step");
        CliRun bad = CliRun.of("bench", "--configs", "z");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown benchmark configuration 'z'"), bad.err());
    }

    /**
     * The end-to-end benchmark's tiny mode, every workload, rnnkit's side only (CI has no PyTorch):
     * one JSON row per job with a positive warm time and a result, and the hidden single-run mode
     * a cold run uses.
     */
    @Test
    void endToEndWorkloadsRunInTinyMode() throws Exception {
        CliRun r = CliRun.of("bench-e2e", "--tiny", "--torch", "off", "--no-cold", "--repeat", "2", "--cells", "gru",
                "--look-backs", "10", "--stream-hidden", "32", "--json");
        assertEquals(0, r.status(), r.err());
        var mapper = new org.nd4j.shade.jackson.databind.ObjectMapper();
        java.util.List<String> rows = r.out().strip().lines().toList();
        assertEquals(java.util.List.of("train", "article", "adding", "stream", "predict"),
                rows.stream().map(l -> {
                    try {
                        var j = mapper.readTree(l);
                        assertTrue(j.get("rnnkit_warm").asDouble() > 0 && j.get("torch_warm").isNull(), l);
                        assertFalse(j.get("result").asText().isEmpty(), l);
                        return j.get("workload").asText();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(l, e);
                    }
                }).toList());
        CliRun one = CliRun.of("bench-e2e", "--run", "train", "--cell", "rnn", "--tiny");
        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().startsWith("test accuracy "), one.out());
    }

    @Test
    void theSeq2seqConfigurationPrintsOneRowPerAttentionKind() throws Exception {
        CliRun r = CliRun.of("bench", "--seq2seq", "--attention", "none,luong", "--steps", "1", "--warmup", "0",
                "--warmup-seconds", "0", "--torch", "off", "--json");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        ObjectMapper m = new ObjectMapper();
        for (int i = 0; i < 2; i++) {
            JsonNode n = m.readTree(lines.get(i));
            assertEquals("rnnkit", n.get("fw").asText());
            assertEquals("s2s", n.get("cfg").asText());
            assertEquals(List.of("none", "luong").get(i), n.get("form").asText());
            assertEquals(64, n.get("batch").asInt());
            assertEquals(128, n.get("hidden").asInt());
            assertTrue(n.get("train_ms").asDouble() > 0 && n.get("infer_ms").asDouble() > 0);
        }
        CliRun bad = CliRun.of("bench", "--seq2seq", "--lengths", "10");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--seq2seq and --lengths are different benchmarks"), bad.err());
    }
}
