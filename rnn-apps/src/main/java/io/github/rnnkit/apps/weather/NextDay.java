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

    /**
     * The network's logits, the numbers softmax turns into these probabilities: z_k = ln p_k minus
     * their mean. Logits are only defined up to a shift shared by all categories (softmax gives the
     * same probabilities for z and z + c), so this picks the one that averages 0.
     *
     * @return one logit per category
     */
    public double[] logits() {
        double[] z = new double[probabilities.length];
        double mean = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.log(probabilities[k]);
            mean += z[k] / z.length;
        }
        for (int k = 0; k < z.length; k++) {
            z[k] -= mean;
        }
        return z;
    }
}
