package io.github.rnnkit.apps.cli;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.output.StagedFolder;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.torch.NpyArray;
import io.github.rnnkit.core.torch.Npz;
import io.github.rnnkit.core.torch.TorchWeights;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reliability campaign's cases (issue 14), through the command line as a user runs it: each
 * ends with exit status 0, or with the documented status and one line naming what is wrong.
 * Groups: 2 overwrites, 3 concurrent writers, 4 overflow, 6 import-torch and forward, 7 options,
 * 8 memory, 9 exit statuses, 10 one lag, 11 messages (1 and 5 are in rnn-core's bundle tests,
 * 12 in the launcher script and README).
 */
class ReliabilityTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void fixtures() throws IOException {
        StringBuilder big = new StringBuilder("date,close\n");
        StringBuilder prices = new StringBuilder("date,close\n");
        LocalDate d = LocalDate.of(2020, 1, 1);
        for (int t = 0; t < 300; t++) {
            double p = 100 + 10 * Math.sin(t / 7.0);
            big.append(d.plusDays(t)).append(',').append(t == 150 ? "1e308" : String.format(Locale.ROOT, "%.3f", p)).append('\n');
            prices.append(d.plusDays(t)).append(',').append(String.format(Locale.ROOT, "%.3f", p - (t == 250 ? 200 : 0))).append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), big);
        Files.writeString(dir.resolve("neg.csv"), prices);
        Files.writeString(dir.resolve("quote.csv"), "date,close\n2020-01-01,1\n2020-01-02,\"2\n2020-01-03,3\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("gz.csv")))) {
            out.write(big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        StringBuilder hourly = new StringBuilder("date,close\n");
        for (int t = 0; t < 60; t++) {
            hourly.append(d.plusDays(t / 24)).append(String.format(Locale.ROOT, " %02d:00,%d%n", t % 24, 100 + t));
        }
        Files.writeString(dir.resolve("hourly.csv"), hourly);
        Files.writeString(dir.resolve("huge.csv"), "1e308,0,0,0,0\n0,1,0,0,0\n");
        Files.writeString(dir.resolve("x.csv"), "0.5,1\n0,1\n");
        run = dir.resolve("run");
        CliRun r = CliRun.of("train", "--sample", "seattle-weather", "--cell", "lstm", "--epochs", "1", "--hidden", "4",
                "--out", run.toString());
        assertEquals(0, r.status(), r.err());
        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(CellType.GRU).setTopology(Topology.MANY_TO_MANY)
                .setInputSize(2).setHiddenSizes(3).setOutputSize(1).setTask(Task.REGRESSION).build());
        Map<String, NpyArray> dict = TorchWeights.export(net);
        Npz.write(dir.resolve("good.npz"), dict);
        Map<String, NpyArray> noBias = new LinkedHashMap<>(dict);
        noBias.remove("bias_hh_l0");
        Npz.write(dir.resolve("nobias.npz"), noBias);
        Map<String, NpyArray> nan = new LinkedHashMap<>(dict);
        double[] w = nan.get("weight_hh_l0").data().clone();
        w[4] = Double.NaN;
        nan.put("weight_hh_l0", NpyArray.float32(nan.get("weight_hh_l0").shape(), w));
        Npz.write(dir.resolve("nan.npz"), nan);
        Files.writeString(dir.resolve("existing.zip"), "keep me");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // 2 no silent overwrite
            "train over a run        | 2 | train --sample seattle-weather --cell gru --epochs 1 --out {run} | --out {run} already holds a run: give --force to replace it",
            "train into ''           | 2 | train --sample seattle-weather --cell gru --out=                 | --out is empty",
            "train inside a bundle   | 2 | train --sample seattle-weather --cell gru --out {run}/model/m   | is inside the model bundle",
            "train inside a run      | 2 | train --sample seattle-weather --cell gru --out {run}/inner     | is inside the run folder",
            "import over a file      | 2 | import-torch --npz {dir}/good.npz --cell gru --input-size 2 --hidden 3 --out {dir}/existing.zip | already exists: give --force",
            "import into a bundle    | 2 | import-torch --npz {dir}/good.npz --cell gru --input-size 2 --hidden 3 --out {run}/model/network.zip | is inside the model bundle",
            "resume a finished run   | 2 | train --resume {run}                                             | no unfinished run",
            "resume with options     | 2 | train --resume {run} --epochs 3                                  | --resume takes no other options",
            // 4 overflow
            "1e308 unscaled          | 2 | train --csv {dir}/big.csv --cell gru --scaler none --epochs 1 --out {dir}/o4 | big.csv, line 152, column 'close': the value 1.0E308 becomes 1.0E308 after none scaling, beyond the ±1e18",
            "forward 1e308           | 2 | forward --model {run} --input {dir}/huge.csv                     | huge.csv, line 1, column 'column 1': 1.0E308 does not fit the model's float",
            // 6 import-torch
            "npz without bias_hh     | 2 | import-torch --npz {dir}/nobias.npz --cell gru --input-size 2 --hidden 3 --out {dir}/o6.zip | has no 'bias_hh_l0': a torch.nn.GRU has both biases of a layer",
            "npz with NaN            | 2 | import-torch --npz {dir}/nan.npz --cell gru --input-size 2 --hidden 3 --out {dir}/o6.zip | 'weight_hh_l0' holds NaN at flat index 4",
            // 7 options
            "data horizon 0          | 2 | data --sample seattle-weather --horizon 0                        | Invalid value for option '--horizon': must be at least 1, got 0",
            "data horizon -5         | 2 | data --sample seattle-weather --horizon -5                       | must be at least 1, got -5",
            "data huge look-back     | 2 | data --sample seattle-weather --look-back 2147483647             | is more steps than any series can have",
            "data horizon categories | 2 | data --sample seattle-weather --horizon 5                        | categorical series are forecast one step ahead",
            "train scaler categories | 2 | train --sample seattle-weather --cell gru --scaler log-returns --out {dir}/o7 | --scaler applies to prices",
            "compare dataset and csv | 2 | compare --dataset weather --csv {dir}/big.csv                    | --dataset weather and --csv are alternatives",
            "bench batch 0           | 2 | bench --batch 0                                                  | Invalid value for option '--batch': must be at least 1",
            "bench hidden -5         | 2 | bench --hidden -5                                                | Invalid value for option '--hidden'",
            "bench length 0          | 2 | bench --length 0                                                 | Invalid value for option '--length'",
            "bench threads -2        | 2 | bench --threads -2                                               | Invalid value for option '--threads': must be at least 0",
            "train lr NaN            | 2 | train --sample seattle-weather --cell gru --lr NaN --out {dir}/o7 | Invalid value for option '--lr'",
            "train hidden 8,-1       | 2 | train --sample seattle-weather --cell gru --hidden 8,-1 --out {dir}/o7 | --hidden sizes must be at least 1",
            // 8 memory
            "hidden 100000           | 2 | train --sample seattle-weather --cell gru --hidden 100000 --out {dir}/o8 | has 30,002,400,005 parameters: training it needs at least 447.1 GB",
            "memory lag 1e8          | 2 | memory --lags 100000000 --quick --out {dir}/o8                  | sequences of lag 100,000,000 need at least",
            "bench batch 1e8         | 2 | bench --batch 100000000 --configs a --cells rnn                 | a training step of batch 100,000,000 over 50 steps",
            // 9 exit statuses
            "diverged                | 3 | train --csv {dir}/neg.csv --cell lstm --scaler none --lr 1e30 --epochs 3 --out {dir}/o9 | training diverged: the loss became",
            // 11 messages
            "unterminated quote      | 2 | data --csv {dir}/quote.csv                                       | quote.csv, line 3: a quoted field is not closed",
            "gzip file               | 2 | data --csv {dir}/gz.csv                                          | gz.csv: is a gzip-compressed file, not CSV text",
            "hourly timestamps       | 2 | data --csv {dir}/hourly.csv                                      | look like intraday (e.g. hourly) timestamps",
            "out not creatable       | 2 | train --sample seattle-weather --cell gru --out {dir}/big.csv/o | cannot create {dir}/big.csv: a",
            "log-returns negative    | 2 | train --csv {dir}/neg.csv --cell gru --scaler log-returns --out {dir}/o11 | neg.csv, line 252, column 'close': log-returns need values above zero",
            "split not 1             | 2 | train --sample seattle-weather --cell gru --split 0.7,0.15,0.150000001 --out {dir}/o11 | add up to 1.000000001",
            "quote in --column       | 2 | data --sample seattle-weather --column we\"ather                  | column 'we\"ather': no such column",
            "csv of several columns  | 2 | data --csv {dir}/x.csv                                           | name the column to use with --column; the columns are",
    })
    void eachCaseEndsCleanly(String what, int status, String args, String says) {
        CliRun r = CliRun.of(args.replace("{run}", run.toString()).replace("{dir}", dir.toString()).trim().split("\\s+"));
        assertEquals(status, r.status(), what + ": " + r.err() + r.out());
        String expected = says.replace("{run}", run.toString()).replace("{dir}", dir.toString());
        assertTrue(r.err().contains(expected), what + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), what + ": one line, got " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("picocli WARN"), r.err());
    }

    @Test
    void forceReplacesARunWhole() throws IOException {
        Path out = dir.resolve("forced");
        assertEquals(0, CliRun.of("train", "--sample", "seattle-weather", "--cell", "lstm", "--epochs", "1", "--hidden", "4",
                "--out", out.toString()).status());
        Files.writeString(out.resolve("notes.txt"), "a file of the old run");
        CliRun r = CliRun.of("train", "--sample", "seattle-weather", "--cell", "gru", "--epochs", "1", "--hidden", "4",
                "--out", out.toString(), "--force");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(out.resolve("model/spec.json")).contains("\"GRU\""));
        assertFalse(Files.exists(out.resolve("notes.txt")), "nothing of the old run is mixed into the new one");
    }

    @Test
    void aSecondWriterIsRefusedNamingTheFirst() {
        Path out = dir.resolve("busy");
        try (StagedFolder first = StagedFolder.open(out, WriteMode.NEW, "--out")) {
            CliRun r = CliRun.of("train", "--sample", "seattle-weather", "--cell", "gru", "--epochs", "1", "--out", out.toString());
            assertEquals(4, r.status(), r.err());
            assertTrue(r.err().contains(out + " is being written by this process (process " + ProcessHandle.current().pid()),
                    r.err());
        }
    }

    @Test
    void overflowInThePricesGivesFiniteMetricsAndForecasts() {
        Path out = dir.resolve("big");
        CliRun r = CliRun.of("train", "--csv", dir.resolve("big.csv").toString(), "--cell", "gru", "--epochs", "1",
                "--hidden", "4", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("Infinity") || r.out().contains("NaN"), r.out());
        CliRun p = CliRun.of("predict", "--model", out.toString(), "--csv", dir.resolve("big.csv").toString());
        assertEquals(0, p.status(), p.err());
        assertFalse(p.out().contains("Infinity") || p.out().contains("NaN"), p.out());
    }

    @Test
    void forwardTakesABundleAndAHugeBatchTrains() {
        CliRun f = CliRun.of("forward", "--model", run.toString(), "--input", dir.resolve("x.csv").toString());
        assertEquals(2, f.status(), "the weather model takes 5 inputs: " + f.out());
        assertTrue(f.err().contains("has 2 columns but the model takes 5"), f.err());
        CliRun b = CliRun.of("train", "--sample", "seattle-weather", "--cell", "gru", "--epochs", "1", "--hidden", "4",
                "--batch", "2147483647", "--out", dir.resolve("batch").toString());
        assertEquals(0, b.status(), "a batch beyond the data is one batch of all windows: " + b.err());
    }

    @Test
    void memoryWithOneLagWritesItsReport() {
        Path out = dir.resolve("mem");
        CliRun r = CliRun.of("memory", "--quick", "--lags", "5", "--cells", "rnn", "--tasks", "adding", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("report.md")) && Files.exists(out.resolve("memory-adding.png")));
    }

    @Test
    void aTamperedOrInconsistentBundleIsBadInputNotAnInternalError() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("tampered/model"));
        try (var files = Files.list(run.resolve("model"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path data = copy.resolve("data.json");
        Files.writeString(data, Files.readString(data).replace("\"drizzle\"", "\"hail\"").replace("\"sun\"", "\"sun\", \"mist\""));
        CliRun r = CliRun.of("predict", "--model", copy.toString(), "--sample", "seattle-weather");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("data.json: does not match the bundle's manifest"), r.err());
        Files.delete(copy.resolve("manifest.json"));
        r = CliRun.of("predict", "--model", copy.toString(), "--sample", "seattle-weather");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("inconsistent bundle: data.json has a vocabulary of 6 categories but the network takes 5"),
                r.err());
    }

    @Test
    void stockHelpNamesOnlyValuesItAccepts() {
        CliRun r = CliRun.of("stock", "--help");
        assertTrue(r.out().contains("log-returns") && !r.out().matches("(?s).*log-return[^s].*"), r.out());
    }
}
