package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.data.synth.SymbolSequences;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequence-to-sequence over symbols, end to end: teacher-forced training of an encoder-decoder on
 * pairs of symbol sequences ({@link SymbolBatch}: start and end symbols added), and evaluation by
 * greedy decoding of unseen sources up to the end symbol, with the attention weights of the
 * decoded sequences.
 */
public final class SymbolSeq2Seq {
    private SymbolSeq2Seq() {
    }

    /**
     * A trained network.
     *
     * @param net     the network
     * @param updates parameter updates made
     * @param seconds training wall time
     */
    public record Trained(MultiLayerNetwork net, int updates, double seconds) {
    }

    /**
     * Trains a new network of {@code spec} for a fixed budget, teacher-forced.
     *
     * @param spec   the model; its source features must be the vocabulary V and its outputs V + 2
     * @param data   the training pairs
     * @param epochs passes over the data
     * @param batch  pairs per update
     * @param seed   seed of the order of minibatches
     * @return the trained network
     * @throws IllegalArgumentException when the spec does not fit the data's vocabulary or lengths
     */
    public static Trained train(EncoderDecoderSpec spec, SymbolSequences data, int epochs, int batch, long seed) {
        check(spec, data);
        MultiLayerNetwork net = spec.network();
        Seq2SeqFit.Result r = Seq2SeqFit.fit(net, SymbolBatch.of(data.sources(), data.targets(), data.vocabulary(),
                spec.sourceSteps()), batch, epochs, seed, null);
        return new Trained(net, r.updates(), r.seconds());
    }

    /**
     * How well greedy decoding reproduces the targets.
     *
     * @param token     the share of target symbols decoded right at their position (a symbol
     *                  after a premature end counts as wrong)
     * @param sequence  the share of targets decoded exactly, end symbol in place
     * @param examples  pairs decoded
     * @param decoded   the decoded symbols of each pair, end symbol excluded
     * @param attention the attention weights of the first pairs {@code [pair][decoder step][source step]}
     *                  (the steps decoded, end included), or null without attention
     */
    public record Accuracy(double token, double sequence, int examples, int[][] decoded, double[][][] attention) {
    }

    /**
     * @param net         a network trained by {@link #train}
     * @param test        the pairs to decode
     * @param keepAttention how many pairs' attention weights to return
     * @return token and sequence accuracy
     */
    public static Accuracy evaluate(MultiLayerNetwork net, SymbolSequences test, int keepAttention) {
        Seq2SeqDecoder decoder = Seq2SeqDecoder.of(net);
        int v = test.vocabulary();
        int sourceSteps = ((EncoderDecoderLayer) net.getLayer(0).conf().getLayer()).getSourceSteps();
        int n = test.sources().length;
        int longest = 0;
        for (int[] t : test.targets()) {
            longest = Math.max(longest, t.length);
        }
        INDArray source = Nd4j.zeros(DataType.FLOAT, n, v, sourceSteps);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, n, sourceSteps);
        for (int e = 0; e < n; e++) {
            int[] s = test.sources()[e];
            if (s.length > sourceSteps) {
                throw new IllegalArgumentException("test source " + e + " has " + s.length + " symbols; the network reads at most "
                        + sourceSteps);
            }
            for (int t = 0; t < s.length; t++) {
                source.putScalar(e, s[t], t, 1.0);
                mask.putScalar(e, t, 1.0);
            }
        }
        double[] startSymbol = new double[v + 2];
        startSymbol[SymbolBatch.start(v)] = 1;
        Seq2SeqDecoder.Decoded d = decoder.greedy(source, mask, startSymbol, longest + 1, SymbolBatch.end(v));
        int rightTokens = 0;
        int tokens = 0;
        int rightSequences = 0;
        int[][] decoded = new int[n][];
        for (int e = 0; e < n; e++) {
            int[] want = test.targets()[e];
            List<Integer> got = new ArrayList<>();
            boolean ended = false;
            for (int t = 0; t < d.lengths()[e]; t++) {
                int s = Seq2SeqDecoder.argmax(d.outputs()[e][t]);
                if (s == SymbolBatch.end(v)) {
                    ended = true;
                    break;
                }
                got.add(s);
            }
            decoded[e] = got.stream().mapToInt(Integer::intValue).toArray();
            for (int t = 0; t < want.length; t++) {
                tokens++;
                if (t < decoded[e].length && decoded[e][t] == want[t]) {
                    rightTokens++;
                }
            }
            if (ended && java.util.Arrays.equals(decoded[e], want)) {
                rightSequences++;
            }
        }
        double[][][] attention = null;
        if (d.attention() != null) {
            int keep = Math.min(keepAttention, n);
            attention = new double[keep][][];
            for (int e = 0; e < keep; e++) {
                attention[e] = java.util.Arrays.copyOf(d.attention()[e], d.lengths()[e]);
            }
        }
        return new Accuracy(tokens == 0 ? 0 : rightTokens / (double) tokens, rightSequences / (double) n, n, decoded, attention);
    }

    private static void check(EncoderDecoderSpec spec, SymbolSequences data) {
        int v = data.vocabulary();
        if (spec.sourceFeatures() != v || spec.outputs() != v + 2) {
            throw new IllegalArgumentException("the data have " + v + " symbols: the spec needs " + v + " source features and "
                    + (v + 2) + " outputs (symbols, start and end), not " + spec.sourceFeatures() + " and " + spec.outputs());
        }
        for (int e = 0; e < data.sources().length; e++) {
            if (data.sources()[e].length > spec.sourceSteps()) {
                throw new IllegalArgumentException("source " + e + " has " + data.sources()[e].length
                        + " symbols; the spec reads at most " + spec.sourceSteps() + " (source steps)");
            }
        }
    }
}
