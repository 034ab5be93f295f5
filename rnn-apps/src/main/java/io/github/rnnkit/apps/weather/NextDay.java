package io.github.rnnkit.apps.weather;

import java.util.List;

/**
 * A forecast of the day after the series ends.
 *
 * @param categories    the categories, in the network's output order
 * @param probabilities the softmax probability of each (they sum to 1)
 */
public record NextDay(List<String> categories, double[] probabilities) {
    /** @return the most probable category */
    public String predicted() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return categories.get(best);
    }
}
