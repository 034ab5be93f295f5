package io.github.rnnkit.core.eval;

import java.util.List;

/**
 * How well categorical forecasts match the truth.
 *
 * @param classes   class names, in code order
 * @param n         number of forecasts
 * @param accuracy  share of forecasts that are right
 * @param macroF1   mean F1 over the classes that occur in the truth or the forecasts
 * @param logLoss   mean {@code -ln p(true class)} (probabilities clipped at 1e-15); NaN when the
 *                  forecaster gives no probabilities
 * @param confusion counts {@code [true][predicted]}
 */
public record ClassificationMetrics(List<String> classes, int n, double accuracy, double macroF1, double logLoss,
                                    int[][] confusion) {

    /**
     * @param truth         true class codes
     * @param predicted     forecast class codes
     * @param probabilities forecast probabilities {@code [n][classes]}, or null
     * @param classes the category names, in code order
     * @return accuracy, macro F1, log loss (NaN without probabilities) and the confusion matrix
     */
    public static ClassificationMetrics of(List<String> classes, int[] truth, int[] predicted, double[][] probabilities) {
        int k = classes.size();
        int n = truth.length;
        if (predicted.length != n || (probabilities != null && probabilities.length != n)) {
            throw new IllegalArgumentException("truth, predictions and probabilities must have the same length");
        }
        int[][] confusion = new int[k][k];
        int right = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            confusion[truth[i]][predicted[i]]++;
            right += truth[i] == predicted[i] ? 1 : 0;
            if (probabilities != null) {
                loss -= Math.log(Math.max(probabilities[i][truth[i]], 1e-15));
            }
        }
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int forecast = 0;
            for (int j = 0; j < k; j++) {
                actual += confusion[c][j];
                forecast += confusion[j][c];
            }
            if (actual + forecast > 0) {
                present++;
                f1Sum += 2.0 * tp / (actual + forecast);
            }
        }
        return new ClassificationMetrics(List.copyOf(classes), n, n == 0 ? Double.NaN : (double) right / n,
                present == 0 ? Double.NaN : f1Sum / present, probabilities == null || n == 0 ? Double.NaN : loss / n,
                confusion);
    }
}
