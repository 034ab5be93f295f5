package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.series.CategoricalSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Weather with memory: a first-order Markov chain that keeps today's weather tomorrow with
 * probability {@code persistence} and otherwise moves to one of the other categories uniformly.
 * The first day is uniform. With persistence p over k categories, predicting "same as today"
 * is right with probability p, the best any model can do; with p = 1/k the days are independent.
 */
public final class MarkovWeather {
    private MarkovWeather() {
    }

    /**
     * @param days        number of days, at least 1
     * @param categories  at least two categories
     * @param persistence probability of keeping today's weather, in [0, 1]
     * @param seed        seed in {@code [0, 2^32)}
     * @return daily series starting 2020-01-01
     */
    public static CategoricalSeries generate(int days, List<String> categories, double persistence, long seed) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (categories.size() < 2) {
            throw new IllegalArgumentException("a Markov chain needs at least two categories");
        }
        if (!(persistence >= 0 && persistence <= 1)) {
            throw new IllegalArgumentException("persistence must be in [0, 1], got " + persistence);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        int k = categories.size();
        int state = rng.randint(k);
        List<String> values = new ArrayList<>(days);
        values.add(categories.get(state));
        for (int i = 1; i < days; i++) {
            if (rng.nextDouble() >= persistence) {
                int other = rng.randint(k - 1);
                state = other >= state ? other + 1 : other;
            }
            values.add(categories.get(state));
        }
        return CategoricalSeries.of("markov-weather(p=" + persistence + ",seed=" + seed + ")", values,
                SyntheticDates.days(days));
    }
}
