package io.github.rnnkit.core.attention;

import io.github.rnnkit.core.torch.NpyArray;
import io.github.rnnkit.core.torch.GoldenFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Additive and multiplicative attention against PyTorch autograd in float64 (golden/attention,
 * made by make_attention_golden.py) and against central finite differences, with padded steps.
 */
class AttentionTest {
    private static final int B = 3;
    private static final int T = 5;
    private static final int D = 4;
    private static final int E = 3;
    private static final int A = 6;

    private static Map<String, NpyArray> golden() throws IOException {
        return GoldenFiles.read("/golden/attention/attention.npz");
    }

    private static double[][] matrix(NpyArray a) {
        int r = (int) a.shape()[0];
        int c = (int) a.shape()[1];
        double[][] m = new double[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(a.data(), i * c, m[i], 0, c);
        }
        return m;
    }

    private static double[][][] cube(NpyArray a) {
        int n = (int) a.shape()[0];
        int r = (int) a.shape()[1];
        int c = (int) a.shape()[2];
        double[][][] m = new double[n][r][c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                System.arraycopy(a.data(), (i * r + j) * c, m[i][j], 0, c);
            }
        }
        return m;
    }

    private static void copy(NpyArray from, double[][] to) {
        double[][] m = matrix(from);
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, to[i], 0, m[i].length);
        }
    }

    private static void close(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    private static double[] flat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[] flat(double[][][] m) {
        return java.util.Arrays.stream(m).flatMap(java.util.Arrays::stream).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** ∂L/∂c = G and ∂L/∂α = R for L = Σ c·G + Σ α·R. */
    private static double loss(AttentionOutput o, double[][] g, double[][] r) {
        double l = 0;
        for (int i = 0; i < g.length; i++) {
            for (int k = 0; k < g[i].length; k++) {
                l += o.context()[i][k] * g[i][k];
            }
            for (int j = 0; j < r[i].length; j++) {
                l += o.weights()[i][j] * r[i][j];
            }
        }
        return l;
    }

    @Test
    void additiveEqualsPyTorchsBahdanauAttentionForwardAndBackward() throws IOException {
        Map<String, NpyArray> f = golden();
        AdditiveAttention att = new AdditiveAttention(D, E, A);
        copy(f.get("additive.Wa.weight"), att.w);
        System.arraycopy(f.get("additive.Wa.bias").data(), 0, att.bw, 0, A);
        copy(f.get("additive.Ua.weight"), att.u);
        System.arraycopy(f.get("additive.Ua.bias").data(), 0, att.bu, 0, A);
        System.arraycopy(f.get("additive.Va.weight").data(), 0, att.v, 0, A);
        att.bv[0] = f.get("additive.Va.bias").data()[0];
        double[][] query = matrix(f.get("additive.query"));
        double[][][] keys = cube(f.get("additive.keys"));
        double[][] mask = matrix(f.get("mask"));
        double[][][] projected = att.projectKeys(keys);
        AttentionOutput out = att.forward(query, keys, projected, mask);
        close(f.get("additive.weights").data(), flat(out.weights()), 1e-14, "weights");
        close(f.get("additive.context").data(), flat(out.context()), 1e-14, "context");
        AdditiveAttention.Gradients g = att.zeroGradients(B, T);
        att.backward(query, keys, projected, out, matrix(f.get("G")), matrix(f.get("R")), g);
        close(f.get("additive.grad.Wa.weight").data(), flat(g.w()), 1e-13, "dW");
        close(f.get("additive.grad.Wa.bias").data(), g.bw(), 1e-13, "db_W");
        close(f.get("additive.grad.Ua.weight").data(), flat(g.u()), 1e-13, "dU");
        close(f.get("additive.grad.Ua.bias").data(), g.bu(), 1e-13, "db_U");
        close(f.get("additive.grad.Va.weight").data(), g.v(), 1e-13, "dv");
        close(f.get("additive.grad.Va.bias").data(), g.bv(), 1e-13, "db_v");
        close(f.get("additive.grad.query").data(), flat(g.query()), 1e-13, "ds");
        close(f.get("additive.grad.keys").data(), flat(g.keys()), 1e-13, "dh");
        assertEquals(0, g.bv()[0], 1e-13, "softmax ignores the shared shift");
    }

    @Test
    void multiplicativeEqualsPyTorchsLuongGeneralScoreForwardAndBackward() throws IOException {
        Map<String, NpyArray> f = golden();
        MultiplicativeAttention att = new MultiplicativeAttention(D, E);
        copy(f.get("luong.W.weight"), att.w);
        double[][] query = matrix(f.get("luong.query"));
        double[][][] keys = cube(f.get("luong.keys"));
        double[][] mask = matrix(f.get("mask"));
        double[][][] projected = att.projectKeys(keys);
        AttentionOutput out = att.forward(query, keys, projected, mask);
        close(f.get("luong.weights").data(), flat(out.weights()), 1e-14, "weights");
        close(f.get("luong.context").data(), flat(out.context()), 1e-14, "context");
        MultiplicativeAttention.Gradients g = att.zeroGradients(B, T);
        att.backward(query, keys, projected, out, matrix(f.get("G")), matrix(f.get("R")), g);
        close(f.get("luong.grad.W.weight").data(), flat(g.w()), 1e-13, "dW");
        close(f.get("luong.grad.query").data(), flat(g.query()), 1e-13, "ds");
        close(f.get("luong.grad.keys").data(), flat(g.keys()), 1e-13, "dh");
    }

    /** One kind of attention seen as a function of every number it reads, for finite differences. */
    private interface Probe {
        /** @return every parameter and input array, each entry perturbable in place */
        List<double[]> slots();

        /** @return L at the current values */
        double loss();

        /** @return the analytic gradient of each slot, in the order of {@link #slots} */
        List<double[]> gradient();
    }

    private static Probe probe(String kind, long seed) {
        Random r = new Random(seed);
        double[][] query = new double[B][D];
        double[][][] keys = new double[B][T][E];
        double[][] g = new double[B][E];
        double[][] rr = new double[B][T];
        for (double[] q : query) {
            fill(q, r);
        }
        for (double[][] k : keys) {
            for (double[] row : k) {
                fill(row, r);
            }
        }
        for (double[] row : g) {
            fill(row, r);
        }
        for (double[] row : rr) {
            fill(row, r);
        }
        double[][] mask = {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}};
        if (kind.equals("additive")) {
            AdditiveAttention att = new AdditiveAttention(D, E, A).initialise(seed);
            return new Probe() {
                public List<double[]> slots() {
                    return withInputs(att.w, att.bw, att.u, att.bu, att.v, query, keys);
                }

                public double loss() {
                    return AttentionTest.loss(att.forward(query, keys, att.projectKeys(keys), mask), g, rr);
                }

                public List<double[]> gradient() {
                    double[][][] p = att.projectKeys(keys);
                    AdditiveAttention.Gradients d = att.zeroGradients(B, T);
                    att.backward(query, keys, p, att.forward(query, keys, p, mask), g, rr, d);
                    return withInputs(d.w(), d.bw(), d.u(), d.bu(), d.v(), d.query(), d.keys());
                }
            };
        }
        MultiplicativeAttention att = new MultiplicativeAttention(D, E).initialise(seed);
        return new Probe() {
            public List<double[]> slots() {
                return withInputs(att.w, null, null, null, null, query, keys);
            }

            public double loss() {
                return AttentionTest.loss(att.forward(query, keys, att.projectKeys(keys), mask), g, rr);
            }

            public List<double[]> gradient() {
                double[][][] p = att.projectKeys(keys);
                MultiplicativeAttention.Gradients d = att.zeroGradients(B, T);
                att.backward(query, keys, p, att.forward(query, keys, p, mask), g, rr, d);
                return withInputs(d.w(), null, null, null, null, d.query(), d.keys());
            }
        };
    }

    /**
     * Every row of the given arrays, in one order for values and gradients alike; the additive
     * attention's extra parameters (b_W, U, b_U, v) are null for the multiplicative one.
     */
    private static List<double[]> withInputs(double[][] w, double[] bw, double[][] u, double[] bu, double[] v, double[][] query,
                                             double[][][] keys) {
        List<double[]> s = new ArrayList<>(List.of(w));
        if (u != null) {
            s.add(bw);
            s.addAll(List.of(u));
            s.add(bu);
            s.add(v);
        }
        s.addAll(List.of(query));
        for (double[][] k : keys) {
            s.addAll(List.of(k));
        }
        return s;
    }

    private static void fill(double[] a, Random r) {
        for (int i = 0; i < a.length; i++) {
            a[i] = 2 * r.nextDouble() - 1;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"additive", "multiplicative"})
    void gradientsEqualCentralDifferencesWithPaddedSteps(String kind) {
        Probe p = probe(kind, 5);
        List<double[]> slots = p.slots();
        List<double[]> analytic = p.gradient();
        double h = 1e-6;
        int checked = 0;
        for (int s = 0; s < slots.size(); s++) {
            double[] x = slots.get(s);
            for (int k = 0; k < x.length; k++) {
                double keep = x[k];
                x[k] = keep + h;
                double up = p.loss();
                x[k] = keep - h;
                double down = p.loss();
                x[k] = keep;
                double numeric = (up - down) / (2 * h);
                double a = analytic.get(s)[k];
                assertTrue(Math.abs(numeric - a) <= 1e-8 + 1e-6 * Math.abs(numeric),
                        kind + " slot " + s + "[" + k + "]: numeric " + numeric + ", analytic " + a);
                checked++;
            }
        }
        assertTrue(checked > 60, "checked " + checked);
    }

    @Test
    void paddedStepsGetNoWeightAndAFullyMaskedExampleIsRefused() {
        AdditiveAttention att = new AdditiveAttention(2, 2, 3).initialise(1);
        double[][][] keys = {{{1, 2}, {3, 4}, {5, 6}}};
        AttentionOutput o = att.forward(new double[][]{{0.5, -0.5}}, keys, att.projectKeys(keys), new double[][]{{1, 1, 0}});
        assertEquals(0, o.weights()[0][2], 0);
        assertEquals(1, o.weights()[0][0] + o.weights()[0][1], 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> att.forward(new double[][]{{0.5, -0.5}}, keys, att.projectKeys(keys), new double[][]{{0, 0, 0}}));
        assertTrue(e.getMessage().contains("example 0 has no encoder step to attend to"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiplicativeAttention(0, 3));
    }
}
