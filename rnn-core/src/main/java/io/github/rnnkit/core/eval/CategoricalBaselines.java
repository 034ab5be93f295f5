package io.github.rnnkit.core.eval;

import java.util.List;

/**
 * The three forecasts any categorical model must beat, fitted on the training part's codes:
 * <ul>
 *   <li>majority class: always the most frequent training category (probabilities: the training
 *       frequencies, add-one smoothed);</li>
 *   <li>persistence: tomorrow = today (no probabilities);</li>
 *   <li>Markov chain: first-order transition frequencies of the training part (add-one smoothed);
 *       forecast the most likely successor of today.</li>
 * </ul>
 */
public final class CategoricalBaselines {
    private final double[] frequencies;
    private final double[][] transitions;

    private CategoricalBaselines(double[] frequencies, double[][] transitions) {
        this.frequencies = frequencies;
        this.transitions = transitions;
    }

    /**
     * @param trainCodes the training part's category codes, in time order
     * @param classes the number of categories
     * @return the majority-class, persistence and Markov-chain baselines fitted on {@code trainCodes}
     */
    public static CategoricalBaselines fit(int[] trainCodes, int classes) {
        double[] freq = new double[classes];
        double[][] trans = new double[classes][classes];
        for (double[] row : trans) {
            java.util.Arrays.fill(row, 1.0);
        }
        java.util.Arrays.fill(freq, 1.0);
        for (int t = 0; t < trainCodes.length; t++) {
            freq[trainCodes[t]]++;
            if (t > 0) {
                trans[trainCodes[t - 1]][trainCodes[t]]++;
            }
        }
        normalise(freq);
        for (double[] row : trans) {
            normalise(row);
        }
        return new CategoricalBaselines(freq, trans);
    }

    private static void normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
    }

    /**
     * @param today the category code of each window's last input step
     * @return each baseline's forecast for every window, in the order majority class, persistence, Markov chain
     */
    public List<CategoricalForecast> forecasts(int[] today) {
        int n = today.length;
        double[][] majority = new double[n][];
        double[][] markov = new double[n][];
        for (int i = 0; i < n; i++) {
            majority[i] = frequencies.clone();
            markov[i] = transitions[today[i]].clone();
        }
        return List.of(CategoricalForecast.fromProbabilities("majority class", majority),
                new CategoricalForecast("persistence", today.clone(), null),
                CategoricalForecast.fromProbabilities("Markov chain", markov));
    }

    /**
     * The Markov chain's forecasts several days ahead: for day k, the most likely category of
     * the k-step distribution e_today Pᵏ (not the most likely path, which can differ).
     *
     * @param today   the category code of each window's last observed day
     * @param horizon days ahead, at least 1
     * @return per window and day the forecast category {@code [n][horizon]}
     */
    public int[][] markovRollout(int[] today, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int classes = frequencies.length;
        int[][] out = new int[today.length][horizon];
        for (int i = 0; i < today.length; i++) {
            double[] dist = new double[classes];
            dist[today[i]] = 1;
            for (int k = 0; k < horizon; k++) {
                double[] next = new double[classes];
                for (int a = 0; a < classes; a++) {
                    for (int b = 0; b < classes; b++) {
                        next[b] += dist[a] * transitions[a][b];
                    }
                }
                dist = next;
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (dist[c] > dist[best]) {
                        best = c;
                    }
                }
                out[i][k] = best;
            }
        }
        return out;
    }

    /** @return the training frequency of each category */
    public double[] frequencies() {
        return frequencies.clone();
    }
}
