package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.synth.SymbolSequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit seq2seq} on a tiny budget: every part runs, the files are written, and a killed sweep resumes. */
class Seq2SeqAppTest {
    private static Seq2SeqOptions tiny(Path out, int workers, boolean force) {
        return new Seq2SeqOptions(List.of(CellType.SIMPLE_RNN, CellType.GRU), List.of(AttentionKind.values()), List.of(3, 6),
                SymbolSequences.Kind.REVERSE, 4, 8, 64, 1, 20, 0.01, null, 400, 10, 3, 2, 7, 3, 2, workers, 1, out, force);
    }

    @Test
    void aTinyRunWritesEveryPartAndTheSameResultsOnAnyNumberOfWorkers(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        Seq2SeqApp.Result r = Seq2SeqApp.run(tiny(dir.resolve("a"), 2, false), false, lines::add);
        assertEquals(2 * 3 * 2, r.bottleneck().size());
        for (String name : List.of("report.md", "bottleneck.csv", "bottleneck-token-gru.png", "bottleneck-sequence-rnn.png",
                "attention-gru-bahdanau-6.png", "attention-gru-luong-6.csv", "prices.csv", "prices-rmse.png", "weather.csv",
                "weather-accuracy.png")) {
            assertTrue(Files.isRegularFile(r.dir().resolve(name)), name);
        }
        assertTrue(Files.notExists(r.dir().resolve(BottleneckExperiment.PROGRESS)), "the progress file goes once the run is done");
        String report = Files.readString(r.report());
        assertTrue(report.contains("## 1. The bottleneck, measured") && report.contains("## 2. Multi-step price forecasts")
                && report.contains("## 3. Multi-day weather") && report.contains("one seed per configuration"), report);
        assertTrue(report.contains("naive") && report.contains("drift") && report.contains("RepeatVector seq2seq")
                && report.contains("persistence") && report.contains("Markov chain") && report.contains("Verdict:")
                && report.contains(" naive on "), report);
        assertEquals(5, r.prices().evaluation().forecasters().size());
        assertEquals(3, r.prices().evaluation().score(PriceExperiment.NAIVE).length);
        assertEquals(3, r.weather().evaluation().score(WeatherExperiment.PERSISTENCE).length);
        Seq2SeqApp.Result one = Seq2SeqApp.run(tiny(dir.resolve("b"), 1, false), false, l -> { });
        for (int i = 0; i < r.bottleneck().size(); i++) {
            assertEquals(r.bottleneck().get(i).token(), one.bottleneck().get(i).token(), 0, r.bottleneck().get(i).key());
        }
    }

    @Test
    void aKilledSweepResumesWithoutRedoingFinishedRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        Seq2SeqOptions o = tiny(out, 1, false);
        BottleneckExperiment.Run done = BottleneckExperiment.one(o, CellType.GRU, AttentionKind.NONE, 3);
        // what a killed run leaves: the staged folder with one finished run in its progress file, and a sentinel value
        BottleneckExperiment.Run marked = new BottleneckExperiment.Run(done.cell(), done.attention(), done.length(), 0.123456,
                done.sequence(), done.updates(), done.seconds(), null);
        try (io.github.rnnkit.apps.report.RunFolder f = io.github.rnnkit.apps.report.RunFolder.resumable(out, "seq2seq",
                io.github.rnnkit.core.output.WriteMode.NEW)) {
            f.saveProgress(BottleneckExperiment.PROGRESS, marked.csvLine() + "\n");
        }
        List<String> lines = new ArrayList<>();
        Seq2SeqApp.Result r = Seq2SeqApp.run(o, true, lines::add);
        assertTrue(lines.contains("  resuming: 1 bottleneck runs already done"), String.join("\n", lines));
        assertEquals(0.123456, r.bottleneck().stream().filter(x -> x.key().equals(done.key())).findFirst().orElseThrow().token(), 1e-9);
        assertEquals(2 * 3 * 2, r.bottleneck().size());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "--column close|--column needs --csv",
            "--csv pom.xml --column close|pom.xml",
            "--horizon 400|too few for a 70/15/15 split",
            "--cells min-gru|--cells: the encoder-decoder runs rnn, lstm and gru",
            "--attention additive|attention",
            "--lengths 0,5|--lengths",
            "--resume --force|--resume and --force contradict each other"})
    void badInputEndsWithStatus2AndNamesTheOption(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("seq2seq", "--quick"));
        argv.addAll(List.of(args.split(" ")));
        io.github.rnnkit.apps.cli.CliRun r = io.github.rnnkit.apps.cli.CliRun.of(argv.toArray(new String[0]));
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(!r.out().contains("Part 1"), "nothing trained before the error: " + r.out());
    }
}
