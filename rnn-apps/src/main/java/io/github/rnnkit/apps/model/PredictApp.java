package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.scale.Scaler;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Forecasts the next value(s) from the end of a series with a saved model. */
public final class PredictApp {
    private PredictApp() {
    }

    public static Prediction run(Path modelDir, SeriesInput input) {
        ModelBundle bundle = ModelBundle.load(modelDir);
        DataDescription d = bundle.data();
        int lookBack = d.window().lookBack();
        if (d.kind() == SeriesKind.CATEGORICAL) {
            CategoricalSeries s = BundleSeries.categorical(bundle, input);
            BundleSeries.requireLength(input, s.column(), s.length(), lookBack, "the model's look-back of " + lookBack);
            int[] codes = s.slice(new io.github.rnnkit.data.split.IndexRange(s.length() - lookBack, s.length()))
                    .encode(d.vocabulary());
            double[][] x = CategoricalDataset.oneHot(codes, d.vocabulary().size());
            SequenceSet one = SequenceSet.classification(List.of(new SequenceSample(x, new double[][]{{0}}, s.length() - 1)),
                    d.vocabulary().size(), d.vocabulary().size(), Topology.MANY_TO_ONE);
            double[] p = ModelOutputs.forecasts(bundle.network(), one)[0][0];
            return new Prediction(s.index().date(s.length() - 1), d.vocabulary().categories(), p, null, Double.NaN);
        }
        PriceSeries s = BundleSeries.prices(bundle, input);
        int lag = d.scalers().get(0).lag();
        BundleSeries.requireLength(input, s.features().get(0), s.length(), lookBack + lag,
                "the model's look-back of " + lookBack + (lag > 0 ? " (plus one step for log-returns)" : ""));
        int from = s.length() - lookBack - lag;
        double[][] x = new double[lookBack][s.featureCount()];
        for (int f = 0; f < s.featureCount(); f++) {
            Scaler scaler = d.scalers().get(f);
            double[] tail = Arrays.copyOfRange(s.feature(f), from, s.length());
            double[] scaled = scaler.transform(tail);
            for (int t = 0; t < lookBack; t++) {
                x[t][f] = scaled[t];
            }
        }
        int horizon = d.window().horizon();
        Topology topology = d.window().topology();
        double[][] dummy = new double[topology == Topology.SEQ2SEQ ? horizon : topology == Topology.MANY_TO_MANY ? lookBack : 1][1];
        SequenceSet one = SequenceSet.regression(List.of(new SequenceSample(x, dummy, s.length() - 1)), s.featureCount(), 1,
                topology);
        double[][] out = ModelOutputs.forecasts(bundle.network(), one)[0];
        double[] scaled = new double[out.length];
        for (int h = 0; h < out.length; h++) {
            scaled[h] = out[h][0];
        }
        double last = s.get(s.length() - 1, 0);
        return new Prediction(s.index().date(s.length() - 1), null, null, d.scalers().get(0).inversePath(scaled, last), last);
    }
}
