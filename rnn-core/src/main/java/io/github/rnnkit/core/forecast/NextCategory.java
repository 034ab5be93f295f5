package io.github.rnnkit.core.forecast;

import io.github.rnnkit.core.eval.CategoricalForecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A categorical model's forecast for the step after {@code step}: the probability of each
 * category (a softmax, summing to 1).
 *
 * @param step          the series index of the last input step (0-based)
 * @param date          that step's date, or null for an undated series
 * @param categories    the categories, in the model's vocabulary order
 * @param probabilities the probability of each category for the next step
 */
public record NextCategory(int step, LocalDate date, List<String> categories, double[] probabilities) {
    /**
     * Copies the categories and probabilities.
     *
     * @param step the series index of the last input step (0-based)
     * @param date that step's date, or null for an undated series
     * @param categories the categories, in the model's vocabulary order
     * @param probabilities the probability of each category for the next step
     */
    public NextCategory {
        categories = List.copyOf(categories);
        probabilities = probabilities.clone();
    }

    /** @return the most probable category */
    public String category() {
        return categories.get(CategoricalForecast.argMax(probabilities));
    }

    /**
     * @param category one of {@link #categories()}
     * @return the probability of {@code category}
     * @throws IllegalArgumentException for a category the model does not know
     */
    public double probability(String category) {
        int i = categories.indexOf(category);
        if (i < 0) {
            throw new IllegalArgumentException("unknown category '" + category + "' (known: "
                    + String.join(", ", categories) + ")");
        }
        return probabilities[i];
    }

    /**
     * @return a copy of the probabilities, one per category
     */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
