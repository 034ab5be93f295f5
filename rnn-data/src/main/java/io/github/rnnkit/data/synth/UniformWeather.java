package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.series.CategoricalSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed article's weather: each day drawn uniformly and independently from Sunny, Rainy and
 * Cloudy, as {@code np.random.seed(42); np.random.choice(['Sunny', 'Rainy', 'Cloudy'], 1500)}
 * draws it (the same days, in the same order). Days are independent, so no model can do better
 * than guessing: the best expected accuracy is 1/3.
 */
public final class UniformWeather {
    /** The article's categories, in its order. */
    public static final List<String> CATEGORIES = List.of("Sunny", "Rainy", "Cloudy");
    /** The article's number of days. */
    public static final int DAYS = 1500;
    /** The article's seed. */
    public static final long SEED = 42;

    private UniformWeather() {
    }

    /** @return the article's 1,500 days with seed 42 */
    public static CategoricalSeries article() {
        return generate(DAYS, CATEGORIES, SEED);
    }

    /**
     * @param days       number of days, at least 1
     * @param categories the categories to draw from, equally likely
     * @param seed       numpy-compatible seed in {@code [0, 2^32)}
     * @return daily series starting 2020-01-01
     */
    public static CategoricalSeries generate(int days, List<String> categories, long seed) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        List<String> values = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            values.add(categories.get(rng.randint(categories.size())));
        }
        return CategoricalSeries.of("uniform-weather(seed=" + seed + ")", values, SyntheticDates.days(days));
    }
}
