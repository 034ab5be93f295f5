package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.layers.MinRnnMath.Kind;
import io.github.rnnkit.core.torch.NpyArray;
import io.github.rnnkit.core.torch.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * minGRU and minLSTM against PyTorch autograd in float64 (golden/minrnn, made by
 * make_minrnn_golden.py from the paper's sequential and parallel forms), against central differences, and
 * against the linear scan they are.
 */
class MinRnnMathTest {
    private static final int T = 6;
    private static final int MB = 3;
    private static final int IN = 3;
    private static final int H = 4;

    private static Map<String, NpyArray> golden() throws IOException {
        return GoldenFiles.read("/golden/minrnn/minrnn.npz");
    }

    /** PyTorch's names of each kind's projections, in rnnkit's order. */
    private static List<String> projections(Kind kind) {
        return kind == Kind.MIN_GRU ? List.of("linear_z", "linear_h") : List.of("linear_f", "linear_i", "linear_h");
    }

    private static String prefix(Kind kind) {
        return kind == Kind.MIN_GRU ? "min_gru." : "min_lstm.";
    }

    /** PyTorch's nn.Linear weight is [H][in]; rnnkit's W is [in][H]. */
    private static double[] transpose(double[] w, int rows, int cols) {
        double[] out = new double[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = w[r * cols + c];
            }
        }
        return out;
    }

    private static void close(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void equalsPyTorchsSequentialAndParallelFormsForwardAndBackwardWithAnyWorkers(Kind kind) throws IOException {
        Map<String, NpyArray> f = golden();
        String pre = prefix(kind);
        List<String> names = projections(kind);
        double[][] w = new double[names.size()][];
        double[][] b = new double[names.size()][];
        for (int g = 0; g < names.size(); g++) {
            w[g] = transpose(f.get(pre + names.get(g) + ".weight").data(), H, IN);
            b[g] = f.get(pre + names.get(g) + ".bias").data();
        }
        MinRnnMath.Params p = new MinRnnMath.Params(kind, w, b, IN, H);
        double[] x = f.get(pre + "x").data();
        double[] h0 = f.get(pre + "h0").data();
        for (String form : List.of("", "parallel.")) {   // the paper's sequential and parallel (log-space) modes
            for (int workers = 1; workers <= 3; workers++) {
                String what = kind + " " + (form.isEmpty() ? "sequential" : "parallel") + " form, workers " + workers + ": ";
                MinRnnMath.Forward out = MinRnnMath.forward(p, x, h0, T, MB, workers);
                close(f.get(pre + form + "h").data(), out.h(), 1e-14, what + "h");
                MinRnnMath.Gradients d = MinRnnMath.backward(p, x, h0, out, f.get(pre + "G").data(), T, MB, workers);
                for (int g = 0; g < names.size(); g++) {
                    close(transpose(f.get(pre + form + "grad." + names.get(g) + ".weight").data(), H, IN), d.w()[g], 1e-13,
                            what + "dW " + names.get(g));
                    close(f.get(pre + form + "grad." + names.get(g) + ".bias").data(), d.b()[g], 1e-13,
                            what + "db " + names.get(g));
                }
                close(f.get(pre + form + "grad.x").data(), d.x(), 1e-13, what + "dx");
                close(f.get(pre + form + "grad.h0").data(), d.h0(), 1e-13, what + "dh0");
            }
        }
    }

    private static MinRnnMath.Params random(Kind kind, Random r, int in, int hid) {
        double[][] w = new double[kind.projections()][];
        double[][] b = new double[kind.projections()][];
        for (int g = 0; g < w.length; g++) {
            w[g] = random(r, in * hid);
            b[g] = random(r, hid);
        }
        return new MinRnnMath.Params(kind, w, b, in, hid);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void isTheLinearScanOfItsGates(Kind kind) {
        Random r = new Random(4);
        int steps = 200;
        int mb = 5;
        int hid = 7;
        MinRnnMath.Params p = random(kind, r, 2, hid);
        double[] x = random(r, steps * mb * 2);
        double[] h0 = random(r, mb * hid);
        MinRnnMath.Forward out = MinRnnMath.forward(p, x, h0, steps, mb, 2);
        double[] a = new double[out.h().length];
        double[] b = new double[out.h().length];
        double[][] g = out.gates();
        for (int i = 0; i < a.length; i++) {
            double candidate = g[g.length - 1][i];
            if (kind == Kind.MIN_GRU) {
                a[i] = 1 - g[0][i];
                b[i] = g[0][i] * candidate;
            } else {
                a[i] = g[0][i] / (g[0][i] + g[1][i]);
                b[i] = g[1][i] / (g[0][i] + g[1][i]) * candidate;
            }
        }
        close(LinearScan.forward(a, b, h0, steps, mb * hid, 1), out.h(), 1e-12, "h");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void gradientsEqualCentralDifferences(Kind kind) {
        Random r = new Random(9);
        int steps = 5;
        int mb = 2;
        int in = 3;
        int hid = 3;
        MinRnnMath.Params p = random(kind, r, in, hid);
        double[] x = random(r, steps * mb * in);
        double[] h0 = random(r, mb * hid);
        double[] dh = random(r, steps * mb * hid);
        MinRnnMath.Gradients d = MinRnnMath.backward(p, x, h0, MinRnnMath.forward(p, x, h0, steps, mb, 1), dh, steps, mb, 2);
        List<double[][]> pairs = new ArrayList<>();
        for (int g = 0; g < kind.projections(); g++) {
            pairs.add(new double[][]{p.w()[g], d.w()[g]});
            pairs.add(new double[][]{p.b()[g], d.b()[g]});
        }
        pairs.add(new double[][]{x, d.x()});
        pairs.add(new double[][]{h0, d.h0()});
        double eps = 1e-6;
        for (double[][] pair : pairs) {
            double[] v = pair[0];
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + eps;
                double up = dot(dh, MinRnnMath.forward(p, x, h0, steps, mb, 1).h());
                v[i] = keep - eps;
                double down = dot(dh, MinRnnMath.forward(p, x, h0, steps, mb, 1).h());
                v[i] = keep;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, pair[1][i], 1e-8 + 1e-7 * Math.abs(numeric), kind + " element " + i);
            }
        }
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MinRnnMath.Params(Kind.MIN_LSTM,
                new double[][]{new double[6], new double[6]}, new double[][]{new double[2], new double[2]}, 3, 2));
        MinRnnMath.Params p = new MinRnnMath.Params(Kind.MIN_GRU, new double[][]{new double[6], new double[6]},
                new double[][]{new double[2], new double[2]}, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> MinRnnMath.forward(p, new double[5], new double[2], 1, 1, 1));
    }

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
