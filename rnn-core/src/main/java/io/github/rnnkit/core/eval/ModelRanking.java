package io.github.rnnkit.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Several forecasters (cells, each trained with several seeds, and baselines) on the same
 * windows: the metric's mean and standard deviation across seeds, a paired test between every two
 * forecasters, and a winner only when the tests say so.
 *
 * <p>The paired test is {@link DieboldMariano}'s on per-window losses averaged over the seeds
 * (0/1 error for categories, squared error for prices): it asks whether one forecaster's mean loss
 * over these windows differs from another's beyond what the spread over windows allows, with the
 * seeds' variation averaged into each window. A forecaster is the winner when its mean metric is
 * the best and it is significantly better than every other one at 5 %, with Holm's correction
 * for its m − 1 comparisons. Otherwise there is no winner, and {@link #sentence()} says so.
 *
 * @param metric         the metric's name, e.g. {@code accuracy}
 * @param higherIsBetter whether larger metric values are better
 * @param horizon        steps ahead of each forecast (the test's autocovariance lags)
 * @param forecasters    each forecaster's metric per seed and loss per seed and window, in order
 */
public record ModelRanking(String metric, boolean higherIsBetter, int horizon, List<Forecaster> forecasters) {
    /**
     * One forecaster's results.
     *
     * @param name        its name
     * @param metricBySeed the metric of each seed's run (a baseline: the same value once per seed, or once)
     * @param losses      loss per seed and window {@code [seed][window]}
     */
    public record Forecaster(String name, double[] metricBySeed, double[][] losses) {
        /** @return the metric's mean over seeds */
        public double mean() {
            return Arrays.stream(metricBySeed).average().orElse(Double.NaN);
        }

        /** @return the metric's sample standard deviation over seeds (0 for one seed) */
        public double sd() {
            return ModelRanking.sd(metricBySeed);
        }

        /** @return each window's loss averaged over seeds */
        public double[] meanLossByWindow() {
            double[] out = new double[losses[0].length];
            for (double[] seed : losses) {
                for (int w = 0; w < out.length; w++) {
                    out[w] += seed[w] / losses.length;
                }
            }
            return out;
        }
    }

    /**
     * Two forecasters compared.
     *
     * @param a              the first
     * @param b              the second
     * @param meanDifference mean over windows of a's seed-averaged loss minus b's (negative: a is better)
     * @param pValue         the two-sided p-value of Diebold-Mariano's test
     */
    public record Pair(String a, String b, double meanDifference, double pValue) {
    }

    /**
     * @param metric         the metric's name
     * @param higherIsBetter whether larger metric values are better
     * @param horizon        steps ahead of each forecast
     * @param forecasters    the forecasters; every one has losses for the same windows
     * @throws IllegalArgumentException when there are fewer than two forecasters, or windows differ
     */
    public ModelRanking {
        forecasters = List.copyOf(forecasters);
        if (forecasters.size() < 2) {
            throw new IllegalArgumentException("a ranking needs at least two forecasters, got " + forecasters.size());
        }
        int windows = forecasters.get(0).losses()[0].length;
        for (Forecaster f : forecasters) {
            for (double[] seed : f.losses()) {
                if (seed.length != windows) {
                    throw new IllegalArgumentException(f.name() + " has " + seed.length + " windows, " + forecasters.get(0).name()
                            + " has " + windows);
                }
            }
        }
    }

    /**
     * @param values values, e.g. one metric per seed
     * @return their sample standard deviation (0 for fewer than two)
     */
    public static double sd(double[] values) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double m = Arrays.stream(values).average().orElse(Double.NaN);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (n - 1));
    }

    /** @return every two forecasters, each pair once, in order */
    public List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < forecasters.size(); i++) {
            for (int j = i + 1; j < forecasters.size(); j++) {
                out.add(pair(forecasters.get(i), forecasters.get(j)));
            }
        }
        return out;
    }

    private Pair pair(Forecaster a, Forecaster b) {
        double[] la = a.meanLossByWindow();
        double[] lb = b.meanLossByWindow();
        double d = 0;
        for (int w = 0; w < la.length; w++) {
            d += (la[w] - lb[w]) / la.length;
        }
        return new Pair(a.name(), b.name(), d, DieboldMariano.pValue(la, lb, horizon));
    }

    /** @return the forecaster with the best mean metric (first of equals) */
    public Forecaster best() {
        Forecaster best = forecasters.get(0);
        for (Forecaster f : forecasters) {
            if (higherIsBetter ? f.mean() > best.mean() : f.mean() < best.mean()) {
                best = f;
            }
        }
        return best;
    }

    /**
     * @return the best forecaster when its lower loss is significant against every other one
     *         (Holm-corrected at 5 %), else empty
     */
    public Optional<Forecaster> winner() {
        Forecaster best = best();
        List<Double> p = new ArrayList<>();
        for (Forecaster f : forecasters) {
            if (f != best) {
                Pair q = pair(best, f);
                if (!(q.meanDifference() < 0)) {
                    return Optional.empty();
                }
                p.add(q.pValue());
            }
        }
        p.sort(null);
        int m = p.size();
        for (int i = 0; i < m; i++) {
            if (!(p.get(i) <= Comparison.LEVEL / (m - i))) {
                return Optional.empty();
            }
        }
        return Optional.of(best);
    }

    /**
     * @param name one forecaster's name
     * @return the p-value of each other forecaster against {@code name}, by name
     */
    public Map<String, Double> pValuesAgainst(String name) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Pair q : pairs()) {
            if (q.a().equals(name)) {
                out.put(q.b(), q.pValue());
            } else if (q.b().equals(name)) {
                out.put(q.a(), q.pValue());
            }
        }
        return out;
    }

    /** @return {@link #sentence(String)} of forecasters */
    public String sentence() {
        return sentence("forecaster");
    }

    /**
     * @param noun what the forecasters are, e.g. {@code cell}
     * @return one sentence: the winner and why, or that there is none and by how little the best leads
     */
    public String sentence(String noun) {
        Forecaster best = best();
        String seeds = best.metricBySeed().length + (best.metricBySeed().length == 1 ? " seed" : " seeds");
        double worstP = pValuesAgainst(best.name()).values().stream().mapToDouble(x -> x).max().orElse(Double.NaN);
        if (winner().isPresent()) {
            return String.format(Locale.ROOT, "%s is better than every other " + noun + " here (%s %.4f ± %.4f over %s; "
                    + "Diebold-Mariano on per-window losses, every p %s, Holm-corrected at 5 %%).", best.name(), metric,
                    best.mean(), best.sd(), seeds, worstP < 1e-4 ? "< 0.0001" : "≤ " + Comparison.formatP(worstP));
        }
        return String.format(Locale.ROOT, "No " + noun + " is better than the others here: %s has the best mean %s "
                + "(%.4f ± %.4f over %s), but its lead is not significant against every other one (largest "
                + "Diebold-Mariano p = %s, Holm-corrected at 5 %%).", best.name(), metric, best.mean(), best.sd(), seeds,
                Comparison.formatP(worstP));
    }
}
