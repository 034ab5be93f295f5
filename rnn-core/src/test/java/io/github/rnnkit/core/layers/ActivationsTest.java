package io.github.rnnkit.core.layers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both accuracies of tanh and sigmoid against {@link Math#tanh} on a dense grid. */
class ActivationsTest {
    @Test
    void tanhAndSigmoidMeetTheirStatedAccuracy() {
        double worstFloat = 0;
        for (double x = -30; x <= 30; x += 1e-3) {
            double tanh = Math.tanh(x);
            assertEquals(tanh, Activations.tanh(x), 1e-15, "tanh(" + x + ")");
            assertEquals(1 / (1 + Math.exp(-x)), Activations.sigmoid(x), 1e-15, "sigmoid(" + x + ")");
            worstFloat = Math.max(worstFloat, Math.abs(Activations.tanhFloat(x) - tanh));
            assertEquals((1 + Math.tanh(x / 2)) / 2, Activations.sigmoidFloat(x), 1e-6, "float sigmoid(" + x + ")");
            assertEquals(tanh, Activations.tanhRational(x), 1e-6, "rational tanh(" + x + ")");
            assertEquals(1 / (1 + Math.exp(-x)), Activations.sigmoidRational(x), 1e-6, "rational sigmoid(" + x + ")");
        }
        assertTrue(worstFloat < 1e-6, "float tanh worst absolute error " + worstFloat);
        assertEquals(0.0, Activations.tanhFloat(0.0));
        assertEquals(-Activations.tanhFloat(0.3), Activations.tanhFloat(-0.3));
        assertEquals(0.0, Activations.tanhRational(0.0));
        assertEquals(-Activations.tanhRational(0.3), Activations.tanhRational(-0.3));
    }
}
