package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes of an encoder-decoder and the layout of its parameters in one flat array, key by key:
 * per encoder layer l {@code e<l>W [in, G·H]}, {@code e<l>RW [H, G·H]}, {@code e<l>b [1, G·H]}
 * (and GRU's {@code e<l>bhn [1, H]}); the same for the decoder with {@code d<l>}; then for
 * Bahdanau attention {@code aW [A, H]}, {@code abW [1, A]}, {@code aU [A, H]}, {@code abU [1, A]},
 * {@code av [1, A]}, {@code abv [1, 1]} (PyTorch's {@code nn.Linear} layouts, out × in), for Luong
 * {@code aW [H, H]}, {@code cW [2H, H]} and {@code cb [1, H]}. Each block is row-major. (No
 * underscores: DL4J's updater splits parameter keys at the first one.)
 *
 * @param cell           rnn, lstm or gru (both stacks)
 * @param relu           ReLU instead of tanh in a vanilla RNN
 * @param layers         L, layers in the encoder and in the decoder
 * @param hidden         H, every layer's state size
 * @param sourceFeatures features of a source step
 * @param targetFeatures features of a decoder input step
 * @param attention      none, Bahdanau or Luong
 * @param attentionSize  A, Bahdanau's hidden size (ignored otherwise)
 */
public record EncoderDecoderShape(CellType cell, boolean relu, int layers, int hidden, int sourceFeatures, int targetFeatures,
                                  AttentionKind attention, int attentionSize) {
    /**
     * Checks the sizes.
     *
     * @param cell           rnn, lstm or gru (both stacks)
     * @param relu           ReLU instead of tanh in a vanilla RNN
     * @param layers         L, layers in the encoder and in the decoder
     * @param hidden         H, every layer's state size
     * @param sourceFeatures features of a source step
     * @param targetFeatures features of a decoder input step
     * @param attention      none, Bahdanau or Luong
     * @param attentionSize  A, Bahdanau's hidden size (ignored otherwise)
     */
    public EncoderDecoderShape {
        if (cell == null || cell.parallelInTime()) {
            throw new IllegalArgumentException("an encoder-decoder runs rnn, lstm or gru cells, not " + cell);
        }
        if (layers < 1 || hidden < 1 || sourceFeatures < 1 || targetFeatures < 1
                || (attention == AttentionKind.BAHDANAU && attentionSize < 1)) {
            throw new IllegalArgumentException("encoder-decoder sizes must be at least 1: layers " + layers + ", hidden " + hidden
                    + ", source features " + sourceFeatures + ", target features " + targetFeatures + ", attention size "
                    + attentionSize);
        }
        if (attention == null) {
            throw new IllegalArgumentException("attention must be given (none, bahdanau or luong)");
        }
    }

    /** @return the first decoder layer's input size: the target features, plus the context for Bahdanau */
    public int decoderInputs() {
        return targetFeatures + (attention == AttentionKind.BAHDANAU ? hidden : 0);
    }

    /** @return the parameter keys in layout order, each with its shape {@code [rows, columns]} */
    public Map<String, long[]> parameters() {
        Map<String, long[]> m = new LinkedHashMap<>();
        long width = (long) cell.gates() * hidden;
        for (String side : new String[]{"e", "d"}) {
            for (int l = 0; l < layers; l++) {
                long in = l > 0 ? hidden : side.equals("e") ? sourceFeatures : decoderInputs();
                m.put(side + l + "W", new long[]{in, width});
                m.put(side + l + "RW", new long[]{hidden, width});
                m.put(side + l + "b", new long[]{1, width});
                if (cell == CellType.GRU) {
                    m.put(side + l + "bhn", new long[]{1, hidden});
                }
            }
        }
        if (attention == AttentionKind.BAHDANAU) {
            m.put("aW", new long[]{attentionSize, hidden});
            m.put("abW", new long[]{1, attentionSize});
            m.put("aU", new long[]{attentionSize, hidden});
            m.put("abU", new long[]{1, attentionSize});
            m.put("av", new long[]{1, attentionSize});
            m.put("abv", new long[]{1, 1});
        } else if (attention == AttentionKind.LUONG) {
            m.put("aW", new long[]{hidden, hidden});
            m.put("cW", new long[]{2L * hidden, hidden});
            m.put("cb", new long[]{1, hidden});
        }
        return m;
    }

    /** @return the number of parameters */
    public long numParams() {
        return parameters().values().stream().mapToLong(s -> s[0] * s[1]).sum();
    }

    /**
     * @param key a parameter key
     * @return true for the keys of weight matrices (the rest are biases)
     */
    public static boolean isWeight(String key) {
        return key.endsWith("W") && !key.equals("abW") || key.equals("aU") || key.equals("av");
    }

    /** Copies flat parameters (in {@link #parameters}' order) into the model's arrays. */
    void read(double[] flat, EncoderDecoderMath m) {
        int at = 0;
        for (StepCell.Weights[] side : new StepCell.Weights[][]{m.encoderWeights, m.decoderWeights}) {
            for (StepCell.Weights w : side) {
                at = copy(flat, at, w.w());
                at = copy(flat, at, w.rw());
                at = copy(flat, at, w.b());
                if (w.bhn() != null) {
                    at = copy(flat, at, w.bhn());
                }
            }
        }
        if (m.additive != null) {
            at = copy(flat, at, m.additive.w);
            at = copy(flat, at, m.additive.bw);
            at = copy(flat, at, m.additive.u);
            at = copy(flat, at, m.additive.bu);
            at = copy(flat, at, m.additive.v);
            copy(flat, at, m.additive.bv);
        } else if (m.multiplicative != null) {
            at = copy(flat, at, m.multiplicative.w);
            at = copy(flat, at, m.wc);
            copy(flat, at, m.bc);
        }
    }

    private static int copy(double[] flat, int at, double[] into) {
        System.arraycopy(flat, at, into, 0, into.length);
        return at + into.length;
    }

    private static int copy(double[] flat, int at, double[][] into) {
        for (double[] row : into) {
            at = copy(flat, at, row);
        }
        return at;
    }

    /** @return the gradients in the flat layout of {@link #parameters} */
    double[] write(EncoderDecoderMath.Gradients g) {
        List<double[]> blocks = new ArrayList<>();
        for (StepCell.Weights[] side : new StepCell.Weights[][]{g.encoder, g.decoder}) {
            for (StepCell.Weights w : side) {
                blocks.add(w.w());
                blocks.add(w.rw());
                blocks.add(w.b());
                if (w.bhn() != null) {
                    blocks.add(w.bhn());
                }
            }
        }
        if (g.additive != null) {
            blocks.add(flatten(g.additive.w()));
            blocks.add(g.additive.bw());
            blocks.add(flatten(g.additive.u()));
            blocks.add(g.additive.bu());
            blocks.add(g.additive.v());
            blocks.add(g.additive.bv());
        } else if (g.multiplicative != null) {
            blocks.add(flatten(g.multiplicative.w()));
            blocks.add(g.wc);
            blocks.add(g.bc);
        }
        double[] out = new double[Math.toIntExact(numParams())];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    private static double[] flatten(double[][] m) {
        int cols = m[0].length;
        double[] out = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * cols, cols);
        }
        return out;
    }
}
