package io.github.rnnkit.core.run;

import java.util.List;

/**
 * How a model did across many series: of those it was scored on, how many it did better than every
 * baseline on (a point comparison of the test metric) and how many significantly (p &lt; 0.05 against
 * every baseline), beside how many could not be used.
 *
 * @param series      series in the file
 * @param failed      series with an error (bad data, too short)
 * @param better      series where the model's test metric is better than every baseline's
 * @param significant series where it is also significantly better than every baseline
 */
public record SeriesSummary(int series, int failed, int better, int significant) {
    /**
     * @param outcomes one outcome per series
     * @return the counts
     */
    public static SeriesSummary of(List<TaskOutcome> outcomes) {
        int failed = 0;
        int better = 0;
        int significant = 0;
        for (TaskOutcome o : outcomes) {
            if (!o.ok()) {
                failed++;
                continue;
            }
            if (o.betterThanEveryBaseline()) {
                better++;
            }
            if (o.beatsAllBaselines()) {
                significant++;
            }
        }
        return new SeriesSummary(outcomes.size(), failed, better, significant);
    }

    /** @return e.g. {@code better than every baseline on 3 of 8 series (significantly on 0); 1 failed} */
    public String line() {
        return "better than every baseline on " + better + " of " + (series - failed) + " series (significantly on " + significant
                + ")" + (failed > 0 ? "; " + failed + " could not be used" : "");
    }

    /**
     * Two models over the same series, series by series: on how many each has the better test metric,
     * and the two-sided sign test of that count (ties and series either failed on left out).
     *
     * @param wins   series where the first model is better
     * @param losses series where the second is better
     * @param pValue the sign test's p-value (1 when no series counts)
     */
    public record Paired(int wins, int losses, double pValue) {
        /**
         * @param first  one outcome per series from the first model
         * @param second one outcome per series from the second, the same series by id
         * @return the counts and the test
         */
        public static Paired of(List<TaskOutcome> first, List<TaskOutcome> second) {
            java.util.Map<String, TaskOutcome> other = new java.util.HashMap<>();
            second.forEach(o -> other.put(o.id(), o));
            int wins = 0;
            int losses = 0;
            for (TaskOutcome a : first) {
                TaskOutcome b = other.get(a.id());
                if (b == null || !a.ok() || !b.ok() || a.model() == b.model()) {
                    continue;
                }
                if (TaskOutcome.better(a.metric(), a.model(), b.model())) {
                    wins++;
                } else {
                    losses++;
                }
            }
            return new Paired(wins, losses, signTest(wins, wins + losses));
        }

        /** @return P(at least as uneven a split as this | each series a fair coin), two-sided */
        static double signTest(int wins, int n) {
            if (n == 0) {
                return 1;
            }
            int k = Math.min(wins, n - wins);
            double tail = 0;
            double c = Math.pow(0.5, n);   // C(n, 0) / 2^n, then C(n, i) / 2^n
            for (int i = 0; i <= k; i++) {
                tail += c;
                c = c * (n - i) / (i + 1);
            }
            return Math.min(1, 2 * tail);
        }
    }
}
