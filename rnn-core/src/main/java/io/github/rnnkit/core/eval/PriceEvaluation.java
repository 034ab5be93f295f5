package io.github.rnnkit.core.eval;

import io.github.rnnkit.core.net.DataFit;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.Arrays;
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
 * @param baselineForecasts each baseline's forecasts in prices {@code [window][step]}, by name
 */
public record PriceEvaluation(List<ForecastMetrics> model, Map<String, List<ForecastMetrics>> baselines,
                              double[][] forecasts, double[][] actual, Map<String, double[][]> baselineForecasts) {
    /** The name of the naive baseline, which forecasts the last observed price at every step. */
    public static final String NAIVE = "naive last value";

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
        Map<String, double[][]> baseForecasts = new LinkedHashMap<>();
        baseForecasts.put(NAIVE, PriceBaselines.naive(last, horizon));
        baseForecasts.put("drift", PriceBaselines.drift(data.series().get(0, 0), last, lastStep, horizon));
        Map<String, List<ForecastMetrics>> base = new LinkedHashMap<>();
        baseForecasts.forEach((name, f) -> base.put(name, perStep(f, actual, last)));
        return new PriceEvaluation(perStep(forecast, actual, last), base, forecast, actual, baseForecasts);
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
        double[] modelLoss = squaredErrors(forecasts);
        baselines.forEach((name, m) -> {
            double[] baseLoss = squaredErrors(baselineForecasts.get(name));
            // squared errors beyond double's range (forecasts 1e154 times the largest price) leave no test to make
            boolean finite = Arrays.stream(modelLoss).allMatch(Double::isFinite) && Arrays.stream(baseLoss).allMatch(Double::isFinite);
            out.add(finite ? new Comparison(name, "RMSE", meanRmse(model), meanRmse(m), false,
                    DieboldMariano.pValue(modelLoss, baseLoss, forecasts[0].length), "Diebold-Mariano")
                    : new Comparison(name, "RMSE", meanRmse(model), meanRmse(m), false));
        });
        return out;
    }

    /**
     * @param forecaster {@code "model"} or a baseline's name
     * @return its squared error on each window, averaged over the horizon's steps, in units of the
     *         largest actual price squared (see {@link #squaredErrors}), for paired tests
     */
    public double[] windowLosses(String forecaster) {
        double[][] f = forecaster.equals("model") ? forecasts : baselineForecasts.get(forecaster);
        if (f == null) {
            throw new IllegalArgumentException("no forecaster '" + forecaster + "'; there are model and "
                    + baselineForecasts.keySet());
        }
        return squaredErrors(f);
    }

    /**
     * @return each window's squared error, averaged over the horizon's steps, in units of the
     *         largest actual price squared: the test's statistic does not change with one common
     *         scale, and prices near 1e200 do not overflow the square
     */
    double[] squaredErrors(double[][] forecast) {
        double scale = 1;
        for (double[] row : actual) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[] out = new double[forecast.length];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int h = 0; h < forecast[i].length; h++) {
                double e = forecast[i][h] / scale - actual[i][h] / scale;
                s += e * e;
            }
            out[i] = s / forecast[i].length;
        }
        return out;
    }

    /**
     * @return the verdict against every baseline in a few words, with significance, e.g.
     *         {@code behind, not significant vs naive last value, drift}
     */
    public String summary() {
        return Comparison.summary(comparisons());
    }

    /** @return true when the model beats every baseline */
    public boolean beatsAllBaselines() {
        return comparisons().stream().allMatch(Comparison::modelWins);
    }
}
