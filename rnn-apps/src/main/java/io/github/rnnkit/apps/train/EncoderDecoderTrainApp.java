package io.github.rnnkit.apps.train;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.eval.HorizonEvaluation;
import io.github.rnnkit.core.output.StagedFolder;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.seq2seq.Seq2SeqForecaster;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code rnnkit train --topology encoder-decoder}: a thin shell over {@link Seq2SeqForecaster}.
 * Trains on the series' first 70 %, keeps the epoch best on the next 15 %, scores the last 15 %
 * day by day against the baselines, and writes {@code report.md} and the bundle {@code model/}
 * into the run folder, staged and moved into place when complete.
 */
public final class EncoderDecoderTrainApp {
    private EncoderDecoderTrainApp() {
    }

    /**
     * What training produced.
     *
     * @param model   the bundle folder
     * @param report  report.md
     * @param trained the forecaster, its test scores and its training
     */
    public record Result(Path model, Path report, Seq2SeqForecaster.Trained trained) {
        /** @return one sentence per baseline the model is tested against */
        public List<String> sentences() {
            HorizonEvaluation e = trained.test();
            List<String> refs = trained.forecaster().kind() == Seq2SeqForecaster.Kind.PRICES ? List.of("naive")
                    : List.of("persistence", "Markov chain");
            return refs.stream().map(r -> e.sentence(Seq2SeqForecaster.MODEL, r)).toList();
        }
    }

    /**
     * @param input    the series (one column)
     * @param kind     categorical or price; null to infer from the values
     * @param settings the model and its training
     * @param out      the run folder
     * @param mode     refuse a run already there, or replace it
     * @return the bundle, report and scores
     */
    public static Result run(SeriesInput input, SeriesKind kind, Seq2SeqForecaster.Settings settings, Path out, WriteMode mode) {
        CsvTable table = input.table();
        SeriesReader reader = input.reader(table);
        List<String> columns = input.resolvedColumns();
        if (columns.size() != 1) {
            throw new IllegalArgumentException("the encoder-decoder reads one column; got --column " + String.join(",", columns));
        }
        String column = columns.get(0);
        SeriesKind k = kind != null ? kind : reader.inferKind(column);
        Seq2SeqForecaster.Trained t = k == SeriesKind.CATEGORICAL
                ? Seq2SeqForecaster.trainCategories(reader.categorical(column).values(), column, settings)
                : Seq2SeqForecaster.trainPrices(reader.prices(column).target(), column, settings);
        StagedFolder folder = StagedFolder.open(out, mode, "--out");
        try {
            t.forecaster().save(folder.dir().resolve("model"));
            Files.writeString(folder.dir().resolve("report.md"), report(input.sourceName() + " column " + column, t));
            folder.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            folder.close();
        }
        return new Result(out.resolve("model"), out.resolve("report.md"), t);
    }

    static String report(String series, Seq2SeqForecaster.Trained t) {
        Seq2SeqForecaster f = t.forecaster();
        Seq2SeqForecaster.Settings s = f.settings();
        HorizonEvaluation e = t.test();
        boolean prices = f.kind() == Seq2SeqForecaster.Kind.PRICES;
        StringBuilder md = new StringBuilder("# Encoder-decoder on " + series + "\n\n");
        md.append(String.format(Locale.ROOT, "%s encoder-decoder, %d units, %s attention; reads %d steps, forecasts %d by "
                        + "feeding back its own forecasts; Adam %.3g, %d epochs of %d windows, kept epoch %d (best free-running "
                        + "forecasts of the validation part); chronological split 70/15/15; %d test windows.%n%n",
                s.cell().displayName(), s.hidden(), s.attention().label(), s.window(), s.horizon(), s.learningRate(), s.epochs(),
                s.batch(), t.fit().bestEpoch(), e.windows()));
        String[] header = new String[s.horizon() + 2];
        header[0] = "forecaster";
        header[1] = prices ? "mean RMSE" : "mean accuracy";
        for (int k = 0; k < s.horizon(); k++) {
            header[k + 2] = "step " + (k + 1);
        }
        Table.Builder tb = Table.builder(header);
        for (String m : e.forecasters()) {
            Object[] row = new Object[s.horizon() + 2];
            row[0] = m;
            row[1] = Table.num(e.meanScore(m), 4);
            for (int k = 0; k < s.horizon(); k++) {
                row[k + 2] = Table.num(e.score(m)[k], 4);
            }
            tb.row(row);
        }
        md.append(prices ? "RMSE per step ahead (price units):\n\n" : "Accuracy per step ahead:\n\n");
        md.append(tb.build().markdown()).append('\n');
        md.append(prices ? "Diebold-Mariano tests of squared errors per step:\n\n" : "McNemar's tests per step:\n\n");
        new Result(null, null, t).sentences().forEach(x -> md.append("- ").append(x).append('\n'));
        return md.toString();
    }
}
