package io.github.rnnkit.apps.train;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.apps.model.EvaluateApp;
import io.github.rnnkit.apps.model.PredictApp;
import io.github.rnnkit.apps.model.Prediction;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.bundle.TrainingSpan;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainPredictEvaluateTest {
    @TempDir
    static Path dir;
    static Path weatherRun;
    static Path gbmCsv;

    @BeforeAll
    static void trainOnce() throws IOException {
        weatherRun = dir.resolve("weather");
        TrainResult r = TrainApp.run(TrainOptions.defaults(SeriesInput.of(SampleDataset.SEATTLE_WEATHER), CellType.GRU, weatherRun)
                .withEpochs(3).withHidden(List.of(8)));
        assertNotNull(r.categorical());
        StringBuilder csv = new StringBuilder("date,close,volume\n");
        PriceSeries p = GeometricBrownianMotion.DEFAULT.generate(300, 5);
        for (int t = 0; t < p.length(); t++) {
            csv.append(p.index().date(t)).append(',').append(String.format(Locale.ROOT, "%.4f", p.get(t, 0)))
                    .append(',').append(1000 + t % 17).append('\n');
        }
        gbmCsv = Files.writeString(dir.resolve("gbm.csv"), csv);
    }

    @Test
    void trainWritesTheBundleReportAndHistory() throws IOException {
        assertTrue(Files.isDirectory(weatherRun.resolve("model")));
        assertEquals(4, Files.readAllLines(weatherRun.resolve("history.csv")).size(), "header + 3 epochs");
        String report = Files.readString(weatherRun.resolve("report.md"));
        assertTrue(report.contains("| majority class |") && report.contains("| persistence |")
                && report.contains("| Markov chain |"), report);
        assertTrue(report.contains("## Verdict"));
    }

    @Test
    void predictGivesAProbabilityPerCategoryThatSumToOne() {
        Prediction p = PredictApp.run(weatherRun.resolve("model"), SeriesInput.of(SampleDataset.SEATTLE_WEATHER));
        assertEquals(List.of("drizzle", "fog", "rain", "snow", "sun"), p.classes());
        assertEquals(1.0, java.util.Arrays.stream(p.probabilities()).sum(), 1e-5);
        CliRun r = CliRun.of("predict", "--model", weatherRun.toString(), "--sample", "seattle-weather");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("next (after 2015-12-31): " + p.category()), r.out());
    }

    @Test
    void evaluateScoresOnlyWindowsAfterTheTrainingPeriod() {
        TrainingSpan span = ModelBundle.load(weatherRun.resolve("model")).provenance().training();
        assertEquals(LocalDate.of(2012, 1, 1), span.first());
        assertTrue(span.steps() > 1000 && span.steps() < 1100, "70 % of 1,461 days: " + span);
        EvaluateApp.Result r = EvaluateApp.run(weatherRun.resolve("model"), SeriesInput.of(SampleDataset.SEATTLE_WEATHER), false);
        assertEquals(1461 - span.steps(), r.windows(), "one window per day after the training period");
        assertEquals(3, r.comparisons().size());
        assertTrue(r.overlap().startsWith("WARNING: this series overlaps the model's training period (2012-01-01 .. "
                + span.last()), r.overlap());
        EvaluateApp.Result all = EvaluateApp.run(weatherRun.resolve("model"), SeriesInput.of(SampleDataset.SEATTLE_WEATHER), true);
        assertEquals(1461 - 10, all.windows());
        assertTrue(all.overlap().contains("--all-windows scores those windows too"), all.overlap());

        CliRun cli = CliRun.of("evaluate", "--model", weatherRun.toString(), "--sample", "seattle-weather");
        assertEquals(0, cli.status(), cli.err());
        assertTrue(cli.out().contains((1461 - span.steps()) + " windows evaluated (after the model's training period)"),
                cli.out());
        assertTrue(cli.err().contains("WARNING: this series overlaps the model's training period"), cli.err());
        CliRun every = CliRun.of("evaluate", "--model", weatherRun.toString(), "--sample", "seattle-weather", "--all-windows");
        assertEquals(0, every.status(), every.err());
        assertTrue(every.out().contains("1451 windows evaluated (all, including the model's training period)"), every.out());
    }

    @Test
    void evaluateRefusesDataInsideTheTrainingPeriodOnly(@TempDir Path tmp) throws Exception {
        // the first 200 Seattle days: all inside the training period
        CategoricalSeries seattle = SampleDataset.SEATTLE_WEATHER.series();
        List<String> lines = new java.util.ArrayList<>(List.of("date,weather"));
        for (int t = 0; t < 200; t++) {
            lines.add(seattle.index().date(t) + "," + seattle.get(t));
        }
        Path early = tmp.resolve("early.csv");
        Files.write(early, lines);
        CliRun cli = CliRun.of("evaluate", "--model", weatherRun.toString(), "--csv", early.toString());
        assertEquals(2, cli.status(), cli.err());
        assertTrue(cli.err().contains("every window forecasts a step the model was trained on"), cli.err());
        assertEquals(0, CliRun.of("evaluate", "--model", weatherRun.toString(), "--csv", early.toString(), "--all-windows")
                .status());
    }

    @Test
    void seq2seqPricesWithSeveralFeaturesEndToEnd() {
        Path run = dir.resolve("gbm");
        CliRun t = CliRun.of("train", "--csv", gbmCsv.toString(), "--column", "close,volume", "--cell", "lstm",
                "--look-back", "15", "--horizon", "3", "--scaler", "log-returns", "--epochs", "2", "--hidden", "8",
                "--tbptt", "5", "--out", run.toString());
        assertEquals(2, t.status(), "seq2seq cannot use TBPTT: " + t.err());
        assertTrue(t.err().contains("truncated BPTT is not available for SEQ2SEQ"), t.err());
        t = CliRun.of("train", "--csv", gbmCsv.toString(), "--column", "close,volume", "--cell", "lstm",
                "--look-back", "15", "--horizon", "3", "--scaler", "log-returns", "--epochs", "2", "--hidden", "8",
                "--clip", "l2-per-layer:1.0", "--out", run.toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().contains("naive last value (RMSE"), t.out());
        Prediction p = PredictApp.run(run.resolve("model"), SeriesInput.of(gbmCsv, "close", "volume"));
        assertEquals(3, p.prices().length);
        for (double price : p.prices()) {
            assertTrue(price > 0.5 * p.lastPrice() && price < 2 * p.lastPrice(), "plausible price " + price);
        }
    }

    @Test
    void bidirectionalStackedTrainingIsOnTheCommandLine() throws IOException {
        Path run = dir.resolve("bi");
        CliRun t = CliRun.of("train", "--sample", "seattle-weather", "--cell", "gru", "--hidden", "6,4", "--bidirectional",
                "--epochs", "1", "--out", run.toString());
        assertEquals(0, t.status(), t.err());
        // per direction (GRU biases b [3H] and bhn [H]): layer 1 3*(5*6 + 6*6) + 4*6 = 222, layer 2 over both directions'
        // 2*6 states 3*(12*4 + 4*4) + 4*4 = 208; the output layer reads 2*4 states: 8*5 + 5
        assertTrue(Files.readString(run.resolve("report.md")).contains("hidden [6, 4] per direction, bidirectional, MANY_TO_ONE, "
                + (2 * 222 + 2 * 208 + 45) + " parameters"), Files.readString(run.resolve("report.md")));
        CliRun bad = CliRun.of("train", "--sample", "seattle-weather", "--cell", "gru", "--bidirectional", "--tbptt", "5",
                "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("bidirectional layers cannot train with truncated BPTT"), bad.err());
    }

    /** Bad input: one line, exit status 2, no stack trace. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "unknown column      | train,--sample,seattle-weather,--column,wether,--cell,gru,--out,{dir}/x | column 'wether': no such column",
            "unknown cell        | train,--sample,seattle-weather,--cell,tcn,--out,{dir}/x              | unknown cell 'tcn'",
            "categorical horizon | train,--sample,seattle-weather,--cell,gru,--horizon,3,--out,{dir}/x  | a horizon of 3 applies to prices only",
            "look-back too long  | train,--sample,seattle-weather,--cell,gru,--look-back,400,--out,{dir}/x | the validation part has 219 steps; look-back 400 + horizon 1 needs at least 401",
            "bad clipping        | train,--sample,seattle-weather,--cell,gru,--clip,global:1,--out,{dir}/x | unknown clipping mode 'global'",
            "no test part        | train,--sample,seattle-weather,--cell,gru,--split,0.8,0.2,0,--out,{dir}/x | no test part",
            "unseen category     | predict,--model,{weather},--csv,{hail},--column,weather              | category 'hail' was not in the training part",
            "wrong kind          | predict,--model,{weather},--csv,{gbm},--column,close                 | the model forecasts categories but this column holds numbers",
            "series too short    | predict,--model,{weather},--csv,{short},--column,weather             | the series has 3 steps; the model's look-back of 10 needs at least 10",
            "missing model       | predict,--model,{dir}/nothing,--sample,seattle-weather              | model bundle not found",
            "corrupt model       | evaluate,--model,{corrupt},--sample,seattle-weather                 | not an rnnkit model bundle",
    })
    void badInputIsOneLineAndExitStatus2(String what, String args, String says) throws IOException {
        Path hail = Files.writeString(dir.resolve("hail.csv"), "weather\n" + "sun\n".repeat(12) + "hail\n");
        Path shortCsv = Files.writeString(dir.resolve("short.csv"), "weather\nsun\nrain\nsun\n");
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.writeString(corrupt.resolve("spec.json"), "{}");
        String joined = args.replace("{dir}", dir.toString()).replace("{weather}", weatherRun.toString())
                .replace("{hail}", hail.toString()).replace("{gbm}", gbmCsv.toString()).replace("{short}", shortCsv.toString())
                .replace("{corrupt}", corrupt.toString()).replace("--split,0.8,0.2,0", "--split,0.8:0.2:0");
        String[] argv = joined.split(",");
        for (int i = 0; i < argv.length; i++) {
            argv[i] = argv[i].replace(':', ',').replace("l2-per-layer,", "l2-per-layer:").replace("global,", "global:");
        }
        CliRun r = CliRun.of(argv);
        assertEquals(2, r.status(), what + ": " + r.err());
        assertTrue(r.err().contains(says), what + ": " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
