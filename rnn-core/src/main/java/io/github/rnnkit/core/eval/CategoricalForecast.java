package io.github.rnnkit.core.eval;

/**
 * Next-step categorical forecasts of one forecaster (a model or a baseline) for a set of windows.
 *
 * @param name          who forecast, e.g. {@code "model"} or {@code "persistence"}
 * @param predicted     forecast class codes
 * @param probabilities forecast probabilities {@code [n][classes]}, or null when the forecaster
 *                      gives none
 */
public record CategoricalForecast(String name, int[] predicted, double[][] probabilities) {

    /**
     * @param name the forecaster's name, e.g. {@code model}
     * @param probabilities one row of class probabilities per window
     * @return forecasts from probabilities: the most probable class of each row
     */
    public static CategoricalForecast fromProbabilities(String name, double[][] probabilities) {
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = argMax(probabilities[i]);
        }
        return new CategoricalForecast(name, predicted, probabilities);
    }

    /**
     * @param v a non-empty vector
     * @return the index of the largest value (the first on ties)
     */
    public static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
