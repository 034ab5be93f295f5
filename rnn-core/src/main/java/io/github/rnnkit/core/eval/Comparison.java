package io.github.rnnkit.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model against one baseline on the primary metric.
 *
 * @param baseline        the baseline's name
 * @param metric          the metric's name, e.g. {@code accuracy} or {@code RMSE}
 * @param model           the model's value
 * @param baselineValue   the baseline's value
 * @param higherIsBetter  whether larger values are better
 * @param pValue          p-value of a paired test of the difference, or NaN when none was made
 * @param test            the test's name ({@link McNemar} for categories, {@link DieboldMariano}
 *                        on squared errors for prices), empty when none was made
 */
public record Comparison(String baseline, String metric, double model, double baselineValue, boolean higherIsBetter,
                         double pValue, String test) {
    /** Significance level of every verdict. */
    public static final double LEVEL = 0.05;

    /**
     * A comparison by McNemar's test.
     *
     * @param baseline the baseline's name
     * @param metric the metric's name
     * @param model the model's value
     * @param baselineValue the baseline's value
     * @param higherIsBetter whether larger values are better
     * @param pValue McNemar's p-value
     */
    public Comparison(String baseline, String metric, double model, double baselineValue, boolean higherIsBetter,
                      double pValue) {
        this(baseline, metric, model, baselineValue, higherIsBetter, pValue, "McNemar");
    }

    /**
     * A comparison without a significance test.
     *
     * @param baseline the baseline's name
     * @param metric the metric's name
     * @param model the model's value
     * @param baselineValue the baseline's value
     * @param higherIsBetter whether larger values are better
     */
    public Comparison(String baseline, String metric, double model, double baselineValue, boolean higherIsBetter) {
        this(baseline, metric, model, baselineValue, higherIsBetter, Double.NaN, "");
    }

    /** @return true when the model is strictly better than the baseline */
    public boolean modelWins() {
        return higherIsBetter ? model > baselineValue : model < baselineValue;
    }

    /** @return true when a paired test was made and found the difference significant at 5 % */
    public boolean significant() {
        return pValue < LEVEL;
    }

    /** @return true when a paired test was made */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }

    /**
     * @return the verdict in a few words: {@code beats}, {@code ahead, not significant},
     *         {@code ahead, untested}, {@code level}, {@code behind, not significant},
     *         {@code behind, untested} or {@code worse}
     */
    public String verdict() {
        if (model == baselineValue) {
            return "level";
        }
        String side = modelWins() ? "ahead" : "behind";
        if (!tested()) {
            return side + ", untested";
        }
        if (!significant()) {
            return side + ", not significant";
        }
        return modelWins() ? "beats" : "worse";
    }

    /**
     * @param p a p-value
     * @return {@code p} with three significant digits, or {@code < 0.0001} below that
     */
    public static String formatP(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.3g", p);
    }

    /**
     * @return e.g. {@code beats persistence (accuracy 0.7100 vs 0.6300; McNemar p = 0.012)}, or
     *         {@code is ahead of persistence (…; McNemar p = 0.29, not significant at 5 %)}
     */
    public String sentence() {
        String p = !tested() ? "" : String.format(Locale.ROOT, "; %s p %s%s", test, pValue < 1e-4 ? "< 0.0001"
                        : "= " + formatP(pValue),
                significant() ? "" : ", not significant at 5 %");
        String verb = !modelWins() ? "does NOT beat " : tested() && !significant() ? "is ahead of " : "beats ";
        return verb + baseline + " (" + metric + " "
                + String.format(Locale.ROOT, "%.4g vs %.4g", model, baselineValue) + p + ")";
    }

    /**
     * @param comparisons the model against each baseline
     * @return the verdicts grouped, e.g. {@code beats majority class; ahead, not significant:
     *         persistence, Markov chain}
     */
    public static String summary(List<Comparison> comparisons) {
        Map<String, List<String>> byVerdict = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            byVerdict.computeIfAbsent(c.verdict(), v -> new ArrayList<>()).add(c.baseline());
        }
        List<String> parts = new ArrayList<>();
        byVerdict.forEach((verdict, names) -> parts.add(verdict.equals("beats") ? "beats " + String.join(", ", names)
                : verdict.equals("worse") ? "worse than " + String.join(", ", names)
                : verdict + " vs " + String.join(", ", names)));
        return String.join("; ", parts);
    }

    /**
     * @param comparisons the model against each baseline
     * @return true when the model beats every baseline significantly
     */
    public static boolean beatsAllSignificantly(List<Comparison> comparisons) {
        return comparisons.stream().allMatch(c -> c.modelWins() && c.significant());
    }
}
