package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;

import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates a saved model on a new series, every window of it, next to the same baselines.
 * The majority-class and Markov baselines are fitted on the evaluated series itself, which can
 * only flatter them: a model that beats them here beats them fairly.
 */
public final class EvaluateApp {
    private EvaluateApp() {
    }

    /**
     * @param categorical the evaluation of a categorical model, else null
     * @param price       the evaluation of a price model, else null
     * @param windows     how many windows were evaluated
     */
    public record Result(CategoricalEvaluation categorical, PriceEvaluation price, int windows) {
        public List<Comparison> comparisons() {
            return categorical != null ? categorical.comparisons() : price.comparisons();
        }
    }

    public static Result run(Path modelDir, SeriesInput input) {
        ModelBundle bundle = ModelBundle.load(modelDir);
        DataDescription d = bundle.data();
        int span = d.window().span();
        if (d.kind() == SeriesKind.CATEGORICAL) {
            CategoricalSeries s = BundleSeries.categorical(bundle, input);
            BundleSeries.requireLength(input, s.column(), s.length(), span, d.window().describe());
            CategoricalDataset ds = CategoricalDataset.builder(s).window(d.window()).optVocabulary(d.vocabulary())
                    .split(BundleSeries.whole(s.length())).build();
            CategoricalEvaluation e = CategoricalEvaluation.of(bundle.network(), ds.train(), s.encode(d.vocabulary()),
                    d.vocabulary());
            return new Result(e, null, ds.train().size());
        }
        PriceSeries s = BundleSeries.prices(bundle, input);
        int lag = d.scalers().get(0).lag();
        BundleSeries.requireLength(input, s.features().get(0), s.length(), span + lag, d.window().describe());
        PriceDataset ds = PriceDataset.builder(s).window(d.window()).optScalers(d.scalers())
                .split(BundleSeries.whole(s.length())).build();
        return new Result(null, PriceEvaluation.of(bundle.network(), ds, ds.train()), ds.train().size());
    }
}
