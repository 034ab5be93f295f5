package io.github.rnnkit.apps.many;

import io.github.rnnkit.data.synth.GeometricBrownianMotion;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The synthetic long-format file {@code many-series --quick} runs on when no file is given: four
 * random walks (GBM, which no model should forecast better than the last value), four mean-reverting
 * series (AR(1) around a level, which a model can), at price levels from 5 to 2,000, and one series too
 * short to split, which must be reported as such. Columns {@code date, series, value}.
 */
final class ExamplePanel {
    static final int DAYS = 600;

    private ExamplePanel() {
    }

    static String csv(long seed) {
        StringBuilder b = new StringBuilder("date,series,value\n");
        double[][] series = new double[8][];
        double[] levels = {5, 40, 300, 2000};
        for (int s = 0; s < 4; s++) {
            double[] walk = GeometricBrownianMotion.DEFAULT.generate(DAYS, seed * 31 + s).target();
            for (int t = 0; t < DAYS; t++) {
                walk[t] *= levels[s] / 100;
            }
            series[s] = walk;
            Random rnd = new Random(seed * 131 + s);
            double[] ar = new double[DAYS];
            double level = levels[3 - s];
            ar[0] = level;
            for (int t = 1; t < DAYS; t++) {
                ar[t] = level + 0.5 * (ar[t - 1] - level) + 0.05 * level * rnd.nextGaussian();
            }
            series[4 + s] = ar;
        }
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        for (int t = 0; t < DAYS; t++) {
            for (int s = 0; s < 8; s++) {
                b.append(d0.plusDays(t)).append(',').append(s < 4 ? "walk-" + (s + 1) : "reverting-" + (s - 3)).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", series[s][t])).append('\n');
            }
            if (t < 12) {
                b.append(d0.plusDays(t)).append(",too-short,").append(10 + t).append('\n');
            }
        }
        return b.toString();
    }
}
