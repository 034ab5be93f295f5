package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.torch.NpyArray;
import io.github.rnnkit.core.torch.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * minGRU against PyTorch autograd in float64 (golden/mingru, made by make_mingru_golden.py from
 * the paper's sequential form), against central differences, and against the linear scan it is.
 */
class MinGruMathTest {
    private static final int T = 6;
    private static final int MB = 3;
    private static final int IN = 3;
    private static final int H = 4;

    private static Map<String, NpyArray> golden() throws IOException {
        try (InputStream in = MinGruMathTest.class.getResourceAsStream("/golden/mingru/mingru.npz")) {
            return Npz.read("mingru.npz", in);
        }
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
    @ValueSource(ints = {1, 2, 3})
    void equalsPyTorchsSequentialMinGruForwardAndBackward(int workers) throws IOException {
        Map<String, NpyArray> f = golden();
        MinGruMath.Params p = new MinGruMath.Params(transpose(f.get("linear_z.weight").data(), H, IN), f.get("linear_z.bias").data(),
                transpose(f.get("linear_h.weight").data(), H, IN), f.get("linear_h.bias").data(), IN, H);
        double[] x = f.get("x").data();
        double[] h0 = f.get("h0").data();
        MinGruMath.Forward out = MinGruMath.forward(p, x, h0, T, MB, workers);
        close(f.get("h").data(), out.h(), 1e-14, "h");
        MinGruMath.Gradients g = MinGruMath.backward(p, x, h0, out, f.get("G").data(), T, MB, workers);
        close(transpose(f.get("grad.linear_z.weight").data(), H, IN), g.wz(), 1e-13, "dW_z");
        close(f.get("grad.linear_z.bias").data(), g.bz(), 1e-13, "db_z");
        close(transpose(f.get("grad.linear_h.weight").data(), H, IN), g.wh(), 1e-13, "dW_h");
        close(f.get("grad.linear_h.bias").data(), g.bh(), 1e-13, "db_h");
        close(f.get("grad.x").data(), g.x(), 1e-13, "dx");
        close(f.get("grad.h0").data(), g.h0(), 1e-13, "dh0");
    }

    @Test
    void isTheLinearScanOfOneMinusZAndZTimesTheCandidate() {
        Random r = new Random(4);
        int steps = 200;
        int mb = 5;
        int in = 2;
        int hid = 7;
        MinGruMath.Params p = new MinGruMath.Params(random(r, in * hid), random(r, hid), random(r, in * hid), random(r, hid), in, hid);
        double[] x = random(r, steps * mb * in);
        double[] h0 = random(r, mb * hid);
        MinGruMath.Forward out = MinGruMath.forward(p, x, h0, steps, mb, 2);
        double[] a = new double[out.z().length];
        double[] b = new double[out.z().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1 - out.z()[i];
            b[i] = out.z()[i] * out.hTilde()[i];
        }
        close(LinearScan.forward(a, b, h0, steps, mb * hid, 1), out.h(), 1e-12, "h");
    }

    @Test
    void gradientsEqualCentralDifferences() {
        Random r = new Random(9);
        int steps = 5;
        int mb = 2;
        int in = 3;
        int hid = 3;
        MinGruMath.Params p = new MinGruMath.Params(random(r, in * hid), random(r, hid), random(r, in * hid), random(r, hid), in, hid);
        double[] x = random(r, steps * mb * in);
        double[] h0 = random(r, mb * hid);
        double[] g = random(r, steps * mb * hid);
        MinGruMath.Gradients d = MinGruMath.backward(p, x, h0, MinGruMath.forward(p, x, h0, steps, mb, 1), g, steps, mb, 2);
        List<double[][]> pairs = List.of(new double[][]{p.wz(), d.wz()}, new double[][]{p.bz(), d.bz()},
                new double[][]{p.wh(), d.wh()}, new double[][]{p.bh(), d.bh()}, new double[][]{x, d.x()}, new double[][]{h0, d.h0()});
        double eps = 1e-6;
        for (double[][] pair : pairs) {
            double[] v = pair[0];
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + eps;
                double up = dot(g, MinGruMath.forward(p, x, h0, steps, mb, 1).h());
                v[i] = keep - eps;
                double down = dot(g, MinGruMath.forward(p, x, h0, steps, mb, 1).h());
                v[i] = keep;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, pair[1][i], 1e-8 + 1e-7 * Math.abs(numeric), "element " + i);
            }
        }
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MinGruMath.Params(new double[5], new double[2], new double[6],
                new double[2], 3, 2));
        MinGruMath.Params p = new MinGruMath.Params(new double[6], new double[2], new double[6], new double[2], 3, 2);
        assertThrows(IllegalArgumentException.class, () -> MinGruMath.forward(p, new double[5], new double[2], 1, 1, 1));
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
