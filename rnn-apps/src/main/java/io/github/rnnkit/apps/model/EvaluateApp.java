package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.forecast.Forecaster;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.TimeIndex;

import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates a saved model on a series next to the same baselines ({@link Forecaster#evaluate}): by
 * default only the windows that forecast a step after the model's training period.
 */
public final class EvaluateApp {
    private EvaluateApp() {
    }

    /**
     * @param categorical the evaluation of a categorical model, else null
     * @param price       the evaluation of a price model, else null
     * @param windows     how many windows were evaluated
     * @param overlap     a warning when the series overlaps the model's training period, else null
     */
    public record Result(CategoricalEvaluation categorical, PriceEvaluation price, int windows, String overlap) {
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
     * @param allWindows true to score every window, also those that forecast the model's training steps
     * @return the evaluation
     */
    public static Result run(Path modelDir, SeriesInput input, boolean allWindows) {
        if (io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.isBundle(modelDir)) {
            throw new IllegalArgumentException(modelDir + " holds an encoder-decoder: 'evaluate' takes the other models; "
                    + "'train --topology encoder-decoder' reports its test scores against the baselines in report.md");
        }
        ModelBundle bundle = ModelBundle.load(modelDir);
        Forecaster f = Forecaster.of(bundle);
        if (bundle.data().kind() == SeriesKind.CATEGORICAL) {
            CategoricalSeries series = BundleSeries.categorical(bundle, input);
            CategoricalEvaluation e = f.evaluate(series, allWindows);
            return new Result(e, null, e.truth().length, overlap(f, series.index(), allWindows));
        }
        PriceSeries series = BundleSeries.prices(bundle, input);
        PriceEvaluation e = f.evaluate(series, allWindows);
        return new Result(null, e, e.actual().length, overlap(f, series.index(), allWindows));
    }

    private static String overlap(Forecaster f, TimeIndex index, boolean allWindows) {
        int first = f.firstUnseenStep(index);
        if (first == 0) {
            return null;
        }
        String span = f.trainingSpan().describe();
        return allWindows
                ? "WARNING: this series overlaps the model's training period (" + span + "), and --all-windows scores "
                + "those windows too: a model scored on what it was trained on looks better than it forecasts."
                : "WARNING: this series overlaps the model's training period (" + span + "): only the windows that forecast "
                + "a step after it (from step " + (first + 1) + (index.hasDates() && first < index.length()
                ? ", " + index.date(first) : "") + ") are scored. --all-windows scores every window (in-sample, flattering).";
    }
}
