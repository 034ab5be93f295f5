package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.core.eval.HorizonEvaluation;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.Seq2SeqForecaster;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Part 3 of {@code rnnkit seq2seq}: the next days of Seattle's weather as a sequence of categories.
 * Encoder-decoders ({@link Seq2SeqForecaster}: GRU, without and with Bahdanau attention, decoding
 * their own forecasts) against persistence (every day like today), the Markov chain's k-step
 * forecasts and the majority class, accuracy per day ahead on the chronological test part, each
 * model against persistence and against the Markov chain by McNemar's test per day.
 */
final class WeatherExperiment {
    static final String PERSISTENCE = "persistence";
    static final String MARKOV = "Markov chain";

    private WeatherExperiment() {
    }

    /**
     * @param categories the categories, in code order
     * @param evaluation accuracy per day ahead on the test part, McNemar against persistence and the Markov chain
     * @param bestEpoch  per model, the epoch kept
     */
    record Result(List<String> categories, HorizonEvaluation evaluation, Map<String, Integer> bestEpoch) {
    }

    static Result run(Seq2SeqOptions o, Consumer<String> progress) {
        CategoricalSeries series = SampleDataset.SEATTLE_WEATHER.series();
        Map<String, int[][]> forecasts = new LinkedHashMap<>();
        Map<String, Integer> bestEpoch = new LinkedHashMap<>();
        Seq2SeqForecaster.Trained last = null;
        for (AttentionKind kind : List.of(AttentionKind.NONE, AttentionKind.BAHDANAU)) {
            Seq2SeqForecaster.Trained t = Seq2SeqForecaster.trainCategories(series.values(), series.column(),
                    new Seq2SeqForecaster.Settings(CellType.GRU, o.hidden(), kind, o.weatherWindow(), o.weatherHorizon(),
                            o.weatherEpochs(), 32, 0.003, o.seed()));
            String label = Seq2SeqForecaster.MODEL + ", " + (kind == AttentionKind.NONE ? "no attention" : kind.label());
            forecasts.put(label, t.forecasts().categories().get(Seq2SeqForecaster.MODEL));
            bestEpoch.put(label, t.fit().bestEpoch());
            progress.accept(String.format(Locale.ROOT, "  weather: %-33s best epoch %d of %d (%.0f s)", label, t.fit().bestEpoch(),
                    o.weatherEpochs(), t.fit().seconds()));
            last = t;
        }
        last.forecasts().categories().forEach((name, f) -> {
            if (!name.equals(Seq2SeqForecaster.MODEL)) {
                forecasts.put(name, f);
            }
        });
        return new Result(last.forecaster().categories(), HorizonEvaluation.categories(last.forecasts().categoryTruth(), forecasts,
                List.of(PERSISTENCE, MARKOV)), bestEpoch);
    }
}
