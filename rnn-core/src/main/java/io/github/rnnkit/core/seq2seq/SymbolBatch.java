package io.github.rnnkit.core.seq2seq;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Teacher-forced training data for symbol sequences: source symbols {@code [0, V)} one-hot
 * (V features); decoder inputs and outputs over V + 2 classes, the symbols, {@link #start} and
 * {@link #end}. The decoder's input at step 0 is the start symbol and at step t the target's
 * symbol t − 1; its outputs are the target followed by the end symbol. Sources are padded to
 * {@code sourceSteps} and targets to {@code targetSteps} (the longest target plus its end),
 * padding masked in the features and in the labels.
 */
public final class SymbolBatch {
    private SymbolBatch() {
    }

    /**
     * @param vocabulary V
     * @return the start symbol's class, V
     */
    public static int start(int vocabulary) {
        return vocabulary;
    }

    /**
     * @param vocabulary V
     * @return the end symbol's class, V + 1
     */
    public static int end(int vocabulary) {
        return vocabulary + 1;
    }

    /**
     * @param sources     source symbols per example
     * @param targets     target symbols per example
     * @param vocabulary  V
     * @param sourceSteps S, at least the longest source (the layer's {@code sourceSteps})
     * @return packed features {@code [n, V + V + 2, S + T]}, labels {@code [n, V + 2, T]}, the feature
     *         mask {@code [n, S + T]} and the label mask {@code [n, T]}
     */
    public static DataSet of(int[][] sources, int[][] targets, int vocabulary, int sourceSteps) {
        int n = sources.length;
        int classes = vocabulary + 2;
        int targetSteps = 0;
        for (int e = 0; e < n; e++) {
            if (sources[e].length > sourceSteps || sources[e].length == 0) {
                throw new IllegalArgumentException("source " + e + " has " + sources[e].length + " symbols; between 1 and "
                        + sourceSteps + " fit");
            }
            targetSteps = Math.max(targetSteps, targets[e].length + 1);
        }
        INDArray source = Nd4j.zeros(DataType.DOUBLE, n, vocabulary, sourceSteps);
        INDArray input = Nd4j.zeros(DataType.DOUBLE, n, classes, targetSteps);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, n, classes, targetSteps);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, n, sourceSteps + targetSteps);
        INDArray labelMask = Nd4j.zeros(DataType.DOUBLE, n, targetSteps);
        for (int e = 0; e < n; e++) {
            for (int t = 0; t < sources[e].length; t++) {
                check(sources[e][t], vocabulary, e, t);
                source.putScalar(e, sources[e][t], t, 1.0);
                mask.putScalar(e, t, 1.0);
            }
            int[] y = targets[e];
            for (int t = 0; t <= y.length; t++) {
                int in = t == 0 ? start(vocabulary) : y[t - 1];
                int out = t == y.length ? end(vocabulary) : y[t];
                if (t < y.length) {
                    check(y[t], vocabulary, e, t);
                }
                input.putScalar(e, in, t, 1.0);
                labels.putScalar(e, out, t, 1.0);
                mask.putScalar(e, sourceSteps + t, 1.0);
                labelMask.putScalar(e, t, 1.0);
            }
        }
        return new DataSet(Seq2SeqArrays.pack(source, input), labels, mask, labelMask);
    }

    private static void check(int symbol, int vocabulary, int example, int step) {
        if (symbol < 0 || symbol >= vocabulary) {
            throw new IllegalArgumentException("symbol " + symbol + " of example " + example + " at step " + step
                    + " is outside the vocabulary [0, " + vocabulary + ")");
        }
    }
}
