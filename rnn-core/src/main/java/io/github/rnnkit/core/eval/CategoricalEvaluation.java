package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.DataFit;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical model's next-step forecasts on a set of windows, next to the majority-class,
 * persistence and Markov-chain baselines fitted on the training part. Accuracy is the metric
 * that decides whether the model beats a baseline.
 *
 * @param model     the model's metrics
 * @param baselines each baseline's metrics, by name
 * @param truth     the true next categories
 * @param forecasts each forecaster's predicted categories, the model's under {@code "model"}
 */
public record CategoricalEvaluation(ClassificationMetrics model, Map<String, ClassificationMetrics> baselines,
                                   int[] truth, Map<String, int[]> forecasts) {

    /**
     * Evaluates a classifier on a dataset's test part, with the baselines fitted on its training
     * part.
     *
     * <pre>{@code
     * CategoricalEvaluation e = CategoricalEvaluation.onTest(net, data);
     * e.comparisons().forEach(c -> System.out.println(c.sentence()));
     * }</pre>
     *
     * @param net a trained classifier
     * @param data the dataset it was trained on
     * @return the test part's evaluation next to the baselines
     * @throws IllegalArgumentException when the test part is empty or does not fit the network
     */
    public static CategoricalEvaluation onTest(MultiLayerNetwork net, CategoricalDataset data) {
        return of(net, data.test(), data.trainCodes(), data.vocabulary());
    }

    /**
     * @param net        a trained classifier
     * @param windows    the windows to forecast (for seq2seq, the first horizon step is evaluated)
     * @param trainCodes the training part's codes, for fitting the baselines
     * @param vocabulary the categories
     * @return the model's and the baselines' metrics on {@code windows}
     */
    public static CategoricalEvaluation of(MultiLayerNetwork net, SequenceSet windows, int[] trainCodes,
                                           Vocabulary vocabulary) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no windows to evaluate");
        }
        DataFit.require(net, windows, "the evaluated windows");
        int n = windows.size();
        int[] truth = new int[n];
        int[] today = new int[n];
        double[][] probabilities = new double[n][];
        double[][][] out = ModelOutputs.forecasts(net, windows);
        for (int i = 0; i < n; i++) {
            SequenceSample s = windows.get(i);
            int firstForecastStep = windows.topology() == io.github.rnnkit.data.Topology.MANY_TO_MANY ? s.targetLength() - 1 : 0;
            truth[i] = (int) s.targets()[firstForecastStep][0];
            today[i] = CategoricalForecast.argMax(s.features()[s.length() - 1]);
            probabilities[i] = out[i][0];
        }
        List<String> classes = vocabulary.categories();
        CategoricalForecast model = CategoricalForecast.fromProbabilities("model", probabilities);
        Map<String, ClassificationMetrics> base = new LinkedHashMap<>();
        Map<String, int[]> forecasts = new LinkedHashMap<>();
        forecasts.put("model", model.predicted());
        for (CategoricalForecast f : CategoricalBaselines.fit(trainCodes, classes.size()).forecasts(today)) {
            base.put(f.name(), ClassificationMetrics.of(classes, truth, f.predicted(), f.probabilities()));
            forecasts.put(f.name(), f.predicted());
        }
        return new CategoricalEvaluation(ClassificationMetrics.of(classes, truth, model.predicted(), probabilities), base,
                truth, forecasts);
    }

    /** @return the model against each baseline on accuracy */
    public List<Comparison> comparisons() {
        List<Comparison> out = new ArrayList<>();
        baselines.forEach((name, m) -> out.add(new Comparison(name, "accuracy", model.accuracy(), m.accuracy(), true,
                McNemar.pValue(truth, forecasts.get("model"), forecasts.get(name)))));
        return out;
    }

    /**
     * @return the verdict against every baseline in a few words, with significance, and the
     *         caveats: e.g. {@code beats majority class; ahead, not significant vs persistence;
     *         macro-F1 below persistence's (0.34 vs 0.44)}
     */
    public String summary() {
        List<String> parts = new ArrayList<>(List.of(Comparison.summary(comparisons())));
        List<String> below = macroF1Above().stream().map(name -> String.format(java.util.Locale.ROOT, "%s's (%.2f vs %.2f)",
                name, model.macroF1(), baselines.get(name).macroF1())).toList();
        if (!below.isEmpty()) {
            parts.add("macro-F1 below " + String.join(", ", below));
        }
        return String.join("; ", parts);
    }

    /**
     * @return sentences a reader of the accuracy alone would miss: baselines with a higher macro-F1
     *         (the mean of per-class F1, which a model that ignores rare classes loses), and the
     *         classes that occur in the truth but that the model never forecasts
     */
    public List<String> caveats() {
        List<String> out = new ArrayList<>();
        for (String name : macroF1Above()) {
            out.add(String.format(java.util.Locale.ROOT, "Macro-F1 is below %s's (%.4f vs %.4f): the model does worse on the "
                    + "classes taken one by one, whatever its accuracy.", name, model.macroF1(), baselines.get(name).macroF1()));
        }
        List<String> never = neverForecast();
        if (!never.isEmpty()) {
            out.add("The model never forecasts " + String.join(", ", never) + ", although "
                    + (never.size() == 1 ? "it occurs" : "they occur") + " in the evaluated days.");
        }
        return out;
    }

    /** @return the baselines whose macro-F1 is above the model's */
    private List<String> macroF1Above() {
        return baselines.entrySet().stream().filter(e -> e.getValue().macroF1() > model.macroF1()).map(Map.Entry::getKey)
                .toList();
    }

    /** @return the classes that occur in the truth and that the model never forecasts */
    public List<String> neverForecast() {
        int k = model.classes().size();
        boolean[] occurs = new boolean[k];
        boolean[] forecast = new boolean[k];
        for (int t : truth) {
            occurs[t] = true;
        }
        for (int f : forecasts.get("model")) {
            forecast[f] = true;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (occurs[c] && !forecast[c]) {
                out.add(model.classes().get(c));
            }
        }
        return out;
    }

    /**
     * @param forecaster {@code "model"} or a baseline's name
     * @return its 0/1 error on each window (1 − accuracy on average), for paired tests
     */
    public double[] windowLosses(String forecaster) {
        int[] f = forecasts.get(forecaster);
        if (f == null) {
            throw new IllegalArgumentException("no forecaster '" + forecaster + "'; there are " + forecasts.keySet());
        }
        double[] out = new double[truth.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f[i] == truth[i] ? 0 : 1;
        }
        return out;
    }

    /** @return true when the model beats every baseline */
    public boolean beatsAllBaselines() {
        return comparisons().stream().allMatch(Comparison::modelWins);
    }
}
