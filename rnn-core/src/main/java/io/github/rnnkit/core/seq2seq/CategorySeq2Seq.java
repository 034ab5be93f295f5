package io.github.rnnkit.core.seq2seq;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-day forecasting of a categorical series (e.g. daily weather) with an encoder-decoder:
 * the encoder reads the last W days one-hot over C categories; the decoder outputs the next H
 * days as a sequence over C + 1 classes, class C being the start symbol it reads at step 0
 * (never a forecast). Under teacher forcing it reads the true day k − 1 at step k; when
 * forecasting, its own most likely category.
 */
public final class CategorySeq2Seq {
    private CategorySeq2Seq() {
    }

    /**
     * @param classes C
     * @return the decoder's classes, C + 1 (the start symbol is C)
     */
    public static int decoderClasses(int classes) {
        return classes + 1;
    }

    /**
     * @param codes   the series' category codes in {@code [0, C)}
     * @param ends    per window the index of its last observed day (at least W − 1, at most
     *                {@code codes.length − H − 1})
     * @param window  W
     * @param horizon H
     * @param classes C
     * @return packed features {@code [n, C + C + 1, W + H]} and labels {@code [n, C + 1, H]}
     */
    public static DataSet teacherForced(int[] codes, int[] ends, int window, int horizon, int classes) {
        int n = ends.length;
        INDArray source = source(codes, ends, window, classes);
        INDArray input = Nd4j.zeros(DataType.FLOAT, n, classes + 1, horizon);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, classes + 1, horizon);
        for (int i = 0; i < n; i++) {
            if (ends[i] + horizon >= codes.length) {
                throw new IllegalArgumentException("window " + i + " ends at day " + ends[i] + "; its " + horizon
                        + " days ahead run past the series' " + codes.length + " days");
            }
            for (int k = 0; k < horizon; k++) {
                input.putScalar(i, k == 0 ? classes : code(codes, ends[i] + k, classes), k, 1.0);
                labels.putScalar(i, code(codes, ends[i] + 1 + k, classes), k, 1.0);
            }
        }
        return new DataSet(Seq2SeqArrays.pack(source, input), labels);
    }

    /**
     * Greedy multi-day forecasts.
     *
     * @param net     an encoder-decoder trained on {@link #teacherForced} data
     * @param codes   the series' codes
     * @param ends    per window the index of its last observed day
     * @param window  W
     * @param horizon H
     * @param classes C
     * @return per window and day the forecast category {@code [n][H]}
     */
    public static int[][] forecast(MultiLayerNetwork net, int[] codes, int[] ends, int window, int horizon, int classes) {
        double[] start = new double[classes + 1];
        start[classes] = 1;
        Seq2SeqDecoder.Decoded d = Seq2SeqDecoder.of(net).greedy(source(codes, ends, window, classes), null, start, horizon, -1);
        int[][] out = new int[ends.length][horizon];
        for (int i = 0; i < ends.length; i++) {
            for (int k = 0; k < horizon; k++) {
                out[i][k] = Seq2SeqDecoder.argmax(d.outputs()[i][k]);
            }
        }
        return out;
    }

    private static INDArray source(int[] codes, int[] ends, int window, int classes) {
        INDArray source = Nd4j.zeros(DataType.FLOAT, ends.length, classes, window);
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] < window - 1 || ends[i] >= codes.length) {
                throw new IllegalArgumentException("window " + i + " ends at day " + ends[i] + "; it needs " + window
                        + " days of the series' " + codes.length);
            }
            for (int t = 0; t < window; t++) {
                source.putScalar(i, code(codes, ends[i] - window + 1 + t, classes), t, 1.0);
            }
        }
        return source;
    }

    private static int code(int[] codes, int t, int classes) {
        int c = codes[t];
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("category code " + c + " at day " + t + " is outside [0, " + classes + ")");
        }
        return c;
    }
}
