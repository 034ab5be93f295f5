package io.github.rnnkit.apps.train;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --topology encoder-decoder} and {@code predict} on a user's CSV, prices and categories, and their bad input. */
class EncoderDecoderTrainTest {
    @TempDir
    static Path dir;
    static Path csv;

    @BeforeAll
    static void writeCsv() throws IOException {
        StringBuilder sb = new StringBuilder("date,close,sky\n");
        PriceSeries p = GeometricBrownianMotion.DEFAULT.generate(300, 5);
        for (int t = 0; t < p.length(); t++) {
            sb.append(p.index().date(t)).append(',').append(String.format(Locale.ROOT, "%.4f", p.get(t, 0))).append(',')
                    .append(List.of("sun", "sun", "rain", "cloud").get((t * 7 + t / 5) % 4)).append('\n');
        }
        csv = Files.writeString(dir.resolve("series.csv"), sb);
    }

    @ParameterizedTest
    @CsvSource({"close,bahdanau", "sky,luong", "close,none"})
    void trainsSavesAndPredictsFromTheCsv(String column, String attention) throws IOException {
        Path run = dir.resolve(column + "-" + attention);
        CliRun t = CliRun.of("train", "--csv", csv.toString(), "--column", column, "--cell", "gru", "--topology",
                "encoder-decoder", "--attention", attention, "--look-back", "10", "--horizon", "3", "--epochs", "2", "--hidden",
                "8", "--out", run.toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().contains("kept epoch") && t.out().contains(column.equals("close") ? "naive" : "persistence"), t.out());
        assertTrue(Files.isRegularFile(run.resolve("model/encoder-decoder.json")));
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains(column.equals("close") ? "| drift |" : "| Markov chain |"), report);
        CliRun p = CliRun.of("predict", "--model", run.toString(), "--csv", csv.toString());
        assertEquals(0, p.status(), p.err());
        List<String> steps = p.out().lines().filter(l -> l.startsWith("step +")).toList();
        assertEquals(3, steps.size(), p.out());
        assertEquals(!attention.equals("none"), p.out().contains("attention over the steps read"), p.out());
        CliRun again = CliRun.of("predict", "--model", run.resolve("model").toString(), "--csv", csv.toString());
        assertEquals(p.out(), again.out(), "the same forecast from the bundle folder and from the run folder");
    }

    @Test
    void aChangedBundleIsRefusedByName() throws IOException {
        Path run = dir.resolve("tamper");
        assertEquals(0, CliRun.of("train", "--csv", csv.toString(), "--column", "close", "--cell", "rnn", "--topology",
                "encoder-decoder", "--look-back", "5", "--horizon", "2", "--epochs", "1", "--hidden", "4", "--out",
                run.toString()).status());
        Path json = run.resolve("model/encoder-decoder.json");
        Files.writeString(json, Files.readString(json).replace("\"horizon\" : 2", "\"horizon\" : 3"));
        CliRun p = CliRun.of("predict", "--model", run.toString(), "--csv", csv.toString());
        assertEquals(2, p.status());
        assertTrue(p.err().contains("encoder-decoder.json") && p.err().contains("does not match the bundle's manifest"), p.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--attention bahdanau|--attention needs --topology encoder-decoder",
            "--topology encoder-decoder --tbptt 5|does not take --tbptt",
            "--topology encoder-decoder --hidden 8,8|--hidden with several layers",
            "--topology encoder-decoder --attention additive|--attention: unknown attention 'additive'",
            "--topology encoder-decoder --cell min-gru|cell: the encoder-decoder runs rnn, lstm or gru",
            "--topology encoder-decoder --look-back 250|too few for a 70/15/15 split",
            "--topology ring|--topology: auto or encoder-decoder"})
    void badInputEndsWithStatus2BeforeTraining(String extra, String message) {
        List<String> args = new ArrayList<>(List.of("train", "--csv", csv.toString(), "--column", "close", "--cell", "gru",
                "--epochs", "1", "--out", dir.resolve("bad").toString()));
        List<String> more = new ArrayList<>(List.of(extra.split(" ")));
        if (more.contains("--cell")) {
            int i = args.indexOf("--cell");
            args.remove(i + 1);
            args.remove(i);
        }
        args.addAll(more);
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(Files.notExists(dir.resolve("bad")), "nothing written");
    }
}
