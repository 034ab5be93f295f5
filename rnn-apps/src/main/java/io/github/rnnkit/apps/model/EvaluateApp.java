package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.data.series.SeriesKind;

import java.nio.file.Path;
import java.util.List;

/** Evaluates a saved model on a new series, every window of it, next to the same baselines ({@link Forecaster#evaluate}). */
public final class EvaluateApp {
    private EvaluateApp() {
    }

    /**
     * @param categorical the evaluation of a categorical model, else null
     * @param price       the evaluation of a price model, else null
     * @param windows     how many windows were evaluated
     */
    public record Result(CategoricalEvaluation categorical, PriceEvaluation price, int windows) {
        /**
         * @return the model against each baseline
         */
        public List<Comparison> comparisons() {
            return categorical != null ? categorical.comparisons() : price.comparisons();
        }
    }

    /**
     * @param modelDir a bundle folder
     * @param input the series to evaluate on
     * @return the evaluation
     */
    public static Result run(Path modelDir, SeriesInput input) {
        ModelBundle bundle = ModelBundle.load(modelDir);
        Forecaster f = Forecaster.of(bundle);
        if (bundle.data().kind() == SeriesKind.CATEGORICAL) {
            CategoricalEvaluation e = f.evaluate(BundleSeries.categorical(bundle, input));
            return new Result(e, null, e.truth().length);
        }
        PriceEvaluation e = f.evaluate(BundleSeries.prices(bundle, input));
        return new Result(null, e, e.actual().length);
    }
}
