package io.github.rnnkit.apps.data;

import io.github.rnnkit.data.summary.CategoricalProfile;
import io.github.rnnkit.data.summary.DateSpan;
import io.github.rnnkit.data.summary.PriceProfile;
import io.github.rnnkit.data.summary.WindowPlan;

import java.util.Locale;
import java.util.Map;

/** Renders a {@link DataReport} as the text {@code rnnkit data} prints. */
public final class DataReportText {
    private DataReportText() {
    }

    /**
     * @param r the profile
     * @return the profile as plain text, as {@code rnnkit data} prints it
     */
    public static String render(DataReport r) {
        StringBuilder sb = new StringBuilder();
        line(sb, "source", r.source() + (r.description() == null ? "" : "  (" + r.description() + ")"));
        line(sb, "columns", String.join(", ", r.columns()));
        line(sb, "column", r.column() + "  (" + r.kind().label() + (r.kindInferred() ? ", inferred from its values" : "") + ")");
        line(sb, "length", r.length() + " steps");
        DateSpan dates = r.categorical() != null ? r.categorical().dates() : r.price().dates();
        line(sb, "dates", dates == null ? "none (steps ordered by position in the file)" : describe(dates)
                + "  (from column '" + r.dateColumn() + "')");
        int[] missing = r.categorical() != null ? r.categorical().missingLines() : r.price().missingLines();
        line(sb, "missing", missing.length == 0 ? "none" : missing.length + " rows dropped or filled, first on line " + missing[0]);
        sb.append('\n');
        if (r.categorical() != null) {
            categorical(sb, r.categorical());
        } else {
            price(sb, r.price());
        }
        sb.append('\n');
        plan(sb, r.plan());
        return sb.toString();
    }

    private static void categorical(StringBuilder sb, CategoricalProfile p) {
        sb.append("categories (").append(p.counts().size()).append("):\n");
        for (Map.Entry<String, Integer> e : p.counts().entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-14s %7d  %5.1f%%%n", e.getKey(), e.getValue(),
                    100.0 * e.getValue() / p.length()));
        }
        sb.append(String.format(Locale.ROOT, "%nbaselines a model must beat on the next step (whole series):%n"
                        + "  %-34s %5.1f%% accuracy%n  %-34s %5.1f%% accuracy%n",
                "majority class (always '" + p.counts().keySet().iterator().next() + "')", 100 * p.majorityShare(),
                "persistence (next = today)", 100 * p.persistenceRate()));
    }

    private static void price(StringBuilder sb, PriceProfile p) {
        for (PriceProfile.FeatureStats f : p.features()) {
            sb.append(String.format(Locale.ROOT, "%s: min %s  max %s  mean %s  std %s  first %s  last %s%n",
                    f.name(), num(f.min()), num(f.max()), num(f.mean()), num(f.std()), num(f.first()), num(f.last())));
            if (f.nonPositive() > 0) {
                sb.append("  ").append(f.nonPositive()).append(" values at or below zero: log-returns scaling is not possible\n");
            }
        }
        if (!Double.isNaN(p.logReturnMean())) {
            sb.append(String.format(Locale.ROOT, "log-returns per step: mean %.5f  std %.5f%n", p.logReturnMean(),
                    p.logReturnStd()));
        }
        sb.append("baselines a model must beat: naive last value, drift\n");
    }

    private static void plan(StringBuilder sb, WindowPlan plan) {
        sb.append("windows (").append(plan.window().describe()).append("), chronological split:\n");
        for (WindowPlan.Part part : plan.parts()) {
            String dates = part.dates() == null ? "" : "  " + part.dates().first() + " .. " + part.dates().last();
            String windows = part.tooShort() ? "too short for one window (needs " + plan.window().span() + " steps)"
                    : part.windows() + " windows";
            sb.append(String.format(Locale.ROOT, "  %-10s %6d steps%s  ->  %s%n", part.name(), part.range().length(),
                    dates, windows));
        }
    }

    private static String describe(DateSpan d) {
        String spacing = d.medianGap() == 1 ? "daily" : "every " + d.medianGap() + " days (median)";
        String gap = d.largestGap() > d.medianGap() ? ", largest gap " + d.largestGap() + " days after " + d.largestGapAfter()
                : ", no gaps";
        return d.first() + " .. " + d.last() + "  (" + spacing + gap + ")";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1e5 ? "%.4g" : "%.4f", v).replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-8s %s%n", key, value));
    }
}
