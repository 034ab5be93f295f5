package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.core.forecast.NextCategory;
import io.github.rnnkit.core.forecast.NextPrices;
import io.github.rnnkit.data.series.SeriesKind;

import java.nio.file.Path;

/** Forecasts the next value(s) from the end of a series with a saved model ({@link Forecaster}). */
public final class PredictApp {
    private PredictApp() {
    }

    /**
     * @param modelDir a bundle folder
     * @param input the series to forecast from
     * @return the forecast after the series' last step
     */
    public static Prediction run(Path modelDir, SeriesInput input) {
        if (io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.isBundle(modelDir)) {
            return encoderDecoder(modelDir, input);
        }
        ModelBundle bundle = ModelBundle.load(modelDir);
        Forecaster f = Forecaster.of(bundle);
        if (bundle.data().kind() == SeriesKind.CATEGORICAL) {
            NextCategory c = f.next(BundleSeries.categorical(bundle, input));
            return new Prediction(c.date(), c.categories(), c.probabilities(), null, Double.NaN);
        }
        NextPrices p = f.next(BundleSeries.prices(bundle, input));
        return new Prediction(p.date(), null, null, p.prices(), p.lastPrice());
    }

    private static Prediction encoderDecoder(Path modelDir, SeriesInput input) {
        io.github.rnnkit.core.seq2seq.Seq2SeqForecaster f = io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.load(modelDir);
        var table = input.table();
        var reader = input.reader(table);
        String column = input.resolvedColumns().get(0);
        if (f.kind() == io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.Kind.CATEGORIES) {
            var series = reader.categorical(column);
            var next = f.next(series.values());
            return new Prediction(lastDate(series.index()), f.categories(), next.probabilities()[0], null, Double.NaN,
                    next.categories(), next.attention());
        }
        var series = reader.prices(column);
        double[] p = series.target();
        var next = f.next(p);
        return new Prediction(lastDate(series.index()), null, null, next.prices(), p[p.length - 1], null, next.attention());
    }

    private static java.time.LocalDate lastDate(io.github.rnnkit.data.series.TimeIndex index) {
        return index.hasDates() ? index.date(index.length() - 1) : null;
    }
}
