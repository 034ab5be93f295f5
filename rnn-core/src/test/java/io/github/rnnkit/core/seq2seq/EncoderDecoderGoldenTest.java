package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.torch.GoldenFiles;
import io.github.rnnkit.core.torch.NpyArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link EncoderDecoderMath} against PyTorch (torch.nn cells, the seq2seq tutorial's Bahdanau
 * attention, Luong's general score and combination; {@code golden/seq2seq/make_seq2seq_golden.py}):
 * two layers per stack, uneven source and target lengths, outputs, attention weights and every
 * gradient to 1e-12 in double precision.
 */
class EncoderDecoderGoldenTest {
    private static final int B = 3;
    private static final int S = 4;
    private static final int T = 3;
    private static final int FS = 2;
    private static final int FT = 3;
    private static final int H = 4;
    private static final int A = 5;

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        for (CellType c : CellType.CLASSIC) {
            for (AttentionKind a : AttentionKind.values()) {
                out.add(Arguments.of(c, a, false));
                out.add(Arguments.of(c, a, true));
            }
        }
        return out.stream();
    }

    /**
     * Double precision to 1e-12; the float32 model's activations (rational tanh and σ, accurate
     * to 1e-6) to float32 round-off, 2e-5 relative.
     */
    @ParameterizedTest(name = "{0} {1} float32 activations {2}")
    @MethodSource("models")
    void reproducesPyTorch(CellType cell, AttentionKind attention, boolean float32) throws IOException {
        double tol = float32 ? 2e-5 : 1e-12;
        Map<String, NpyArray> f = GoldenFiles.read("/golden/seq2seq/seq2seq.npz");
        String name = cell.label() + "." + attention.label();
        EncoderDecoderShape shape = new EncoderDecoderShape(cell, false, 2, H, FS, FT, attention, A);
        double[] flat = new double[Math.toIntExact(shape.numParams())];
        int at = 0;
        for (String key : shape.parameters().keySet()) {
            double[] v = f.get(name + "." + npz(key)).data();
            System.arraycopy(v, 0, flat, at, v.length);
            at += v.length;
        }
        assertEquals(flat.length, at);
        EncoderDecoderMath m = new EncoderDecoderMath(shape, float32);
        shape.read(flat, m);
        double[][] sourceMask = batchMajor(f.get("source_mask"), B, S);
        double[][] targetMask = batchMajor(f.get("target_mask"), B, T);
        EncoderDecoderMath.Pass p = m.forward(timeMajor(f.get("source"), S, FS), sourceMask, timeMajor(f.get("target"), T, FT),
                targetMask);
        close(timeMajor(f.get(name + ".output"), T, H), p.output, name + " output", tol);
        if (attention != AttentionKind.NONE) {
            close(timeMajor(f.get(name + ".weights"), T, S), p.weights(), name + " weights", tol);
        }
        EncoderDecoderMath.Gradients g = m.backward(p, timeMajor(f.get("G"), T, H));
        close(timeMajor(f.get(name + ".grad.source"), S, FS), g.source, name + " dSource", tol);
        close(timeMajor(f.get(name + ".grad.target"), T, FT), g.target, name + " dTarget", tol);
        double[] grads = shape.write(g);
        at = 0;
        for (Map.Entry<String, long[]> e : shape.parameters().entrySet()) {
            double[] expected = f.get("grad." + name + "." + npz(e.getKey())).data();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], grads[at + i], tol * Math.max(1, Math.abs(expected[i])),
                        name + " d" + e.getKey() + "[" + i + "]");
            }
            at += expected.length;
        }
    }

    /** @return the script's name of a parameter key: {@code e0W} is {@code e0_W}, {@code abW} is {@code a_bW} */
    private static String npz(String key) {
        return key.replaceFirst("^([ed]\\d+|a|c)", "$1_");
    }

    /** @return {@code [steps][B][features]} from a batch-major {@code [B, steps, features]} array */
    private static double[][][] timeMajor(NpyArray a, int steps, int features) {
        double[][][] out = new double[steps][B][features];
        for (int e = 0; e < B; e++) {
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < features; k++) {
                    out[t][e][k] = a.data()[(e * steps + t) * features + k];
                }
            }
        }
        return out;
    }

    private static double[][] batchMajor(NpyArray a, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.data(), r * cols, out[r], 0, cols);
        }
        return out;
    }

    private static void close(double[][][] expected, double[][][] actual, String what, double tol) {
        for (int t = 0; t < expected.length; t++) {
            for (int e = 0; e < expected[t].length; e++) {
                for (int k = 0; k < expected[t][e].length; k++) {
                    assertEquals(expected[t][e][k], actual[t][e][k], tol * Math.max(1, Math.abs(expected[t][e][k])),
                            what + " [" + t + "][" + e + "][" + k + "]");
                }
            }
        }
    }
}
