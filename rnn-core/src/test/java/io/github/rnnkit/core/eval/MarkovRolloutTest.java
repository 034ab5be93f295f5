package io.github.rnnkit.core.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The Markov chain's k-step forecasts, by hand on a two-state chain. */
class MarkovRolloutTest {
    @Test
    void kStepForecastsFollowThePowersOfTheTransitionMatrix() {
        // transitions counted 0→0 once, 0→1 three times, 1→1 once, 1→0 twice; add-one smoothing:
        // P = [[2/6, 4/6], [3/5, 2/5]]
        int[] train = {0, 0, 1, 1, 0, 1, 0, 1};
        CategoricalBaselines b = CategoricalBaselines.fit(train, 2);
        // from 0: day 1 (1/3, 2/3) → 1; day 2: (1/3·1/3 + 2/3·3/5, 1/3·2/3 + 2/3·2/5) = (0.511, 0.489) → 0,
        // from 1: day 1 (3/5, 2/5) → 0; day 2: (3/5·1/3 + 2/5·3/5, 3/5·2/3 + 2/5·2/5) = (0.44, 0.56) → 1
        assertArrayEquals(new int[][]{{1, 0}, {0, 1}}, b.markovRollout(new int[]{0, 1}, 2));
    }
}
