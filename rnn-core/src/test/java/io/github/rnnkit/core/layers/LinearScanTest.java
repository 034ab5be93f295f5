package io.github.rnnkit.core.layers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blocked parallel scan against the step-by-step recurrence, and its backward pass against finite differences. */
class LinearScanTest {
    private static double[] random(Random r, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    /** h_t = a_t h_{t-1} + b_t one step after another: the definition. */
    private static double[] byDefinition(double[] a, double[] b, double[] h0, int steps, int width) {
        double[] h = new double[steps * width];
        for (int k = 0; k < width; k++) {
            double prev = h0[k];
            for (int t = 0; t < steps; t++) {
                prev = a[t * width + k] * prev + b[t * width + k];
                h[t * width + k] = prev;
            }
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 100, 1000, 10_000})
    void everyBlockCountGivesTheSequentialScan(int steps) {
        Random r = new Random(steps);
        int width = 3;
        // forget-like coefficients in (0, 1.05): mostly shrinking, some growth
        double[] a = random(r, steps * width, 0.0, 1.05);
        double[] b = random(r, steps * width, -1, 1);
        double[] h0 = random(r, width, -2, 2);
        double[] expected = byDefinition(a, b, h0, steps, width);
        for (int blocks = 1; blocks <= 8; blocks++) {
            double[] h = LinearScan.forward(a, b, h0, steps, width, blocks);
            for (int i = 0; i < h.length; i++) {
                assertEquals(expected[i], h[i], 1e-12 * Math.max(1, Math.abs(expected[i])),
                        "steps " + steps + ", blocks " + blocks + ", element " + i);
            }
        }
    }

    @Test
    void wideLayersSplitTheChannelsAndGiveTheSameStates() {
        Random r = new Random(5);
        int steps = 50;
        int width = 8 * LinearScan.CHANNELS_PER_WORKER + 3;   // uneven split
        double[] a = random(r, steps * width, 0.0, 1.0);
        double[] b = random(r, steps * width, -1, 1);
        double[] h0 = random(r, width, -1, 1);
        double[] expected = byDefinition(a, b, h0, steps, width);
        for (int blocks = 2; blocks <= 8; blocks++) {
            double[] h = LinearScan.forward(a, b, h0, steps, width, blocks);
            for (int i = 0; i < h.length; i++) {
                assertEquals(expected[i], h[i], 0, "the same arithmetic in the same order: blocks " + blocks + ", element " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void backwardEqualsCentralDifferencesAndDoesNotDependOnTheBlocks(int blocks) {
        Random r = new Random(11);
        int steps = 9;
        int width = 2;
        double[] a = random(r, steps * width, -1.2, 1.2);
        double[] b = random(r, steps * width, -1, 1);
        double[] h0 = random(r, width, -1, 1);
        double[] g = random(r, steps * width, -1, 1);   // L = Σ g ⊙ h
        double[] h = LinearScan.forward(a, b, h0, steps, width, blocks);
        LinearScan.Gradients d = LinearScan.backward(a, h, h0, g, steps, width, blocks);
        double eps = 1e-6;
        for (double[][] pair : new double[][][]{{a, d.a()}, {b, d.b()}, {h0, d.h0()}}) {
            double[] x = pair[0];
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + eps;
                double up = dot(g, LinearScan.forward(a, b, h0, steps, width, 1));
                x[i] = keep - eps;
                double down = dot(g, LinearScan.forward(a, b, h0, steps, width, 1));
                x[i] = keep;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, pair[1][i], 1e-8 + 1e-7 * Math.abs(numeric), "element " + i + ", blocks " + blocks);
            }
        }
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @Test
    void longBackwardPassesAgreeAcrossBlockCounts() {
        Random r = new Random(3);
        int steps = 10_000;
        int width = 4;
        double[] a = random(r, steps * width, 0.5, 1.0);
        double[] b = random(r, steps * width, -1, 1);
        double[] h0 = random(r, width, -1, 1);
        double[] g = random(r, steps * width, -1, 1);
        double[] h = LinearScan.forward(a, b, h0, steps, width, 1);
        LinearScan.Gradients one = LinearScan.backward(a, h, h0, g, steps, width, 1);
        for (int blocks = 2; blocks <= 8; blocks++) {
            LinearScan.Gradients many = LinearScan.backward(a, h, h0, g, steps, width, blocks);
            for (int i = 0; i < one.a().length; i++) {
                assertEquals(one.a()[i], many.a()[i], 1e-12 * Math.max(1, Math.abs(one.a()[i])), "da " + i + ", blocks " + blocks);
                assertEquals(one.b()[i], many.b()[i], 1e-12 * Math.max(1, Math.abs(one.b()[i])), "db " + i + ", blocks " + blocks);
            }
            for (int k = 0; k < width; k++) {
                assertEquals(one.h0()[k], many.h0()[k], 1e-12 * Math.max(1, Math.abs(one.h0()[k])));
            }
        }
    }

    @Test
    void shapesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearScan.forward(new double[6], new double[5], new double[2], 3, 2, 1));
        assertTrue(e.getMessage().contains("shapes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearScan.forward(new double[0], new double[0], new double[2], 0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> LinearScan.forward(new double[2], new double[2], new double[2], 1, 2, 0));
    }
}
