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
        ModelBundle bundle = ModelBundle.load(modelDir);
        Forecaster f = Forecaster.of(bundle);
        if (bundle.data().kind() == SeriesKind.CATEGORICAL) {
            NextCategory c = f.next(BundleSeries.categorical(bundle, input));
            return new Prediction(c.date(), c.categories(), c.probabilities(), null, Double.NaN);
        }
        NextPrices p = f.next(BundleSeries.prices(bundle, input));
        return new Prediction(p.date(), null, null, p.prices(), p.lastPrice());
    }
}
