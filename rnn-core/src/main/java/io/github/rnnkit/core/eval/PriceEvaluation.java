package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.DataFit;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A price model's forecasts on a set of windows, turned back into prices with the dataset's
 * scaler, next to the naive and drift baselines; metrics per horizon step. The mean RMSE over the
 * horizon decides whether the model beats a baseline.
 *
 * @param model     the model's metrics per horizon step
 * @param baselines each baseline's metrics per horizon step, by name
 * @param forecasts the model's forecasts in prices {@code [window][step]}
 * @param actual    the actual prices {@code [window][step]}
 */
public record PriceEvaluation(List<ForecastMetrics> model, Map<String, List<ForecastMetrics>> baselines,
                              double[][] forecasts, double[][] actual) {

    /**
     * Evaluates a price model on a dataset's test part, in prices, next to the naive and drift
     * forecasts.
     *
     * @param net a trained regressor
     * @param data the dataset it was trained on
     * @return the test part's evaluation in prices next to the baselines
     * @throws IllegalArgumentException when the test part is empty or does not fit the network
     */
    public static PriceEvaluation onTest(MultiLayerNetwork net, PriceDataset data) {
        return of(net, data, data.test());
    }

    /**
     * @param windows windows of {@code data} (e.g. {@code data.test()})
     * @param net a trained regressor
     * @param data the dataset the windows come from (its scalers turn forecasts back into prices)
     * @return the evaluation in prices next to the baselines
     */
    public static PriceEvaluation of(MultiLayerNetwork net, PriceDataset data, SequenceSet windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no windows to evaluate");
        }
        DataFit.require(net, windows, "the evaluated windows");
        int n = windows.size();
        double[][][] out = ModelOutputs.forecasts(net, windows);
        double[][] forecast = new double[n][];
        double[][] actual = new double[n][];
        double[] last = new double[n];
        int[] lastStep = new int[n];
        for (int i = 0; i < n; i++) {
            SequenceSample s = windows.get(i);
            double[] scaled = new double[out[i].length];
            for (int h = 0; h < scaled.length; h++) {
                scaled[h] = out[i][h][0];
            }
            lastStep[i] = s.lastInputStep();
            last[i] = data.series().get(lastStep[i], 0);
            forecast[i] = data.targetScaler().inversePath(scaled, last[i]);
            double[] all = data.actualPrices(s);
            actual[i] = windows.topology() == Topology.MANY_TO_MANY ? new double[]{all[all.length - 1]} : all;
        }
        int horizon = forecast[0].length;
        Map<String, List<ForecastMetrics>> base = new LinkedHashMap<>();
        base.put("naive last value", perStep(PriceBaselines.naive(last, horizon), actual, last));
        base.put("drift", perStep(PriceBaselines.drift(data.series().get(0, 0), last, lastStep, horizon), actual, last));
        return new PriceEvaluation(perStep(forecast, actual, last), base, forecast, actual);
    }

    private static List<ForecastMetrics> perStep(double[][] forecast, double[][] actual, double[] last) {
        List<ForecastMetrics> out = new ArrayList<>();
        for (int h = 0; h < forecast[0].length; h++) {
            double[] f = new double[forecast.length];
            double[] a = new double[forecast.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = forecast[i][h];
                a[i] = actual[i][h];
            }
            out.add(ForecastMetrics.of(f, a, last));
        }
        return out;
    }

    /**
     * @param steps metrics per horizon step
     * @return mean RMSE over the horizon steps
     */
    public static double meanRmse(List<ForecastMetrics> steps) {
        return steps.stream().mapToDouble(ForecastMetrics::rmse).average().orElse(Double.NaN);
    }

    /** @return the model against each baseline on mean RMSE */
    public List<Comparison> comparisons() {
        List<Comparison> out = new ArrayList<>();
        baselines.forEach((name, m) -> out.add(new Comparison(name, "RMSE", meanRmse(model), meanRmse(m), false)));
        return out;
    }

    /** @return true when the model beats every baseline */
    public boolean beatsAllBaselines() {
        return comparisons().stream().allMatch(Comparison::modelWins);
    }
}
