package io.github.rnnkit.core.seq2seq;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decoding with a trained encoder-decoder network ({@link EncoderDecoderLayer} followed by an
 * output layer with softmax or identity outputs): the encoder reads the source once, then the
 * decoder runs one step at a time, its input at each step either given ({@link #forced}, which
 * equals the network's teacher-forced pass) or its own previous output fed back ({@link #greedy}:
 * the one-hot of the most probable symbol for a classifier, the predicted values for a regressor).
 * The attention weights of every step are returned with the outputs.
 */
public final class Seq2SeqDecoder {
    private final EncoderDecoderMath model;
    private final double[] wOut;
    private final double[] bOut;
    private final int classes;
    private final boolean softmax;

    private Seq2SeqDecoder(EncoderDecoderMath model, double[] wOut, double[] bOut, int classes, boolean softmax) {
        this.model = model;
        this.wOut = wOut;
        this.bOut = bOut;
        this.classes = classes;
        this.softmax = softmax;
    }

    /**
     * @param net a network of an {@link EncoderDecoderLayer} and an output layer
     * @return a decoder over a snapshot of its parameters
     * @throws IllegalArgumentException when the network is not such a pair
     */
    public static Seq2SeqDecoder of(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        if (layers.length != 2 || !(layers[0] instanceof EncoderDecoderRuntimeLayer ed)
                || !(layers[1].conf().getLayer() instanceof BaseOutputLayer out)) {
            throw new IllegalArgumentException("decoding needs a network of an EncoderDecoderLayer and an output layer");
        }
        boolean softmax = out.getActivationFn() instanceof ActivationSoftmax;
        if (!softmax && !(out.getActivationFn() instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("decoding needs softmax or identity outputs, got " + out.getActivationFn());
        }
        double[] w = layers[1].getParam("W").castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] b = layers[1].getParam("b").castTo(DataType.DOUBLE).dup('c').data().asDouble();
        return new Seq2SeqDecoder(ed.model(), w, b, (int) out.getNOut(), softmax);
    }

    /**
     * A decoded minibatch.
     *
     * @param outputs   per example and step the output layer's values (probabilities for a
     *                  classifier) {@code [mb][steps][K]}
     * @param attention per example and step the weights over the source steps {@code [mb][steps][S]},
     *                  or null without attention
     * @param lengths   per example the steps decoded up to and including its end symbol (all steps
     *                  without one)
     */
    public record Decoded(double[][][] outputs, double[][][] attention, int[] lengths) {
    }

    /**
     * Decodes with the decoder's inputs given, as under teacher forcing.
     *
     * @param source     {@code [mb, F_source, S]}
     * @param sourceMask {@code [mb, S]} or null
     * @param inputs     the decoder's inputs {@code [mb, F_target, T]}
     * @return the outputs and attention weights of every step
     */
    public Decoded forced(INDArray source, INDArray sourceMask, INDArray inputs) {
        double[][][] y = ncw(inputs);
        EncoderDecoderMath.Pass p = model.begin(ncw(source), mask(sourceMask), y.length, null);
        double[][][] outputs = new double[p.mb][y.length][];
        for (int t = 0; t < y.length; t++) {
            model.step(p, t, y[t]);
            for (int e = 0; e < p.mb; e++) {
                outputs[e][t] = outputLayer(p.output[t][e]);
            }
        }
        int[] lengths = new int[p.mb];
        java.util.Arrays.fill(lengths, y.length);
        return new Decoded(outputs, attention(p, y.length), lengths);
    }

    /**
     * Greedy decoding: the input of step 0 is {@code start}, the input of every later step the
     * previous step's prediction (a classifier's most probable symbol one-hot, a regressor's values).
     *
     * @param source     {@code [mb, F_source, S]}
     * @param sourceMask {@code [mb, S]} or null
     * @param start      the first decoder input {@code [F_target]} (a start symbol one-hot, or the
     *                   last observed value)
     * @param maxSteps   the most steps to decode (a fixed horizon: exactly this many)
     * @param endSymbol  the class that ends a sequence, or -1 for none; an example stops at it
     * @return the outputs and attention weights of every step
     * @throws IllegalArgumentException when the outputs cannot be fed back as inputs
     */
    public Decoded greedy(INDArray source, INDArray sourceMask, double[] start, int maxSteps, int endSymbol) {
        EncoderDecoderShape s = model.shape;
        if (start.length != s.targetFeatures() || classes != s.targetFeatures()) {
            throw new IllegalArgumentException("feeding outputs back needs as many outputs (" + classes + ") as decoder inputs ("
                    + s.targetFeatures() + "), and a start of that size (got " + start.length + ")");
        }
        if (maxSteps < 1 || (endSymbol >= classes)) {
            throw new IllegalArgumentException("decoding needs at least 1 step (got " + maxSteps + ") and an end symbol below "
                    + classes + " (got " + endSymbol + ")");
        }
        EncoderDecoderMath.Pass p = model.begin(ncw(source), mask(sourceMask), maxSteps, null);
        int mb = p.mb;
        double[][] y = new double[mb][];
        for (int e = 0; e < mb; e++) {
            y[e] = start.clone();
        }
        double[][][] outputs = new double[mb][maxSteps][];
        int[] lengths = new int[mb];
        java.util.Arrays.fill(lengths, maxSteps);
        int run = 0;
        boolean open = true;
        for (int t = 0; t < maxSteps && open; t++) {
            model.step(p, t, y);
            run = t + 1;
            open = false;
            for (int e = 0; e < mb; e++) {
                double[] o = outputLayer(p.output[t][e]);
                outputs[e][t] = o;
                if (softmax) {
                    int best = argmax(o);
                    y[e] = new double[classes];
                    y[e][best] = 1;
                    if (best == endSymbol && lengths[e] == maxSteps && t < maxSteps - 1) {
                        lengths[e] = t + 1;
                    }
                } else {
                    y[e] = o.clone();
                }
                open |= lengths[e] == maxSteps;
            }
        }
        for (int e = 0; e < mb; e++) {
            outputs[e] = java.util.Arrays.copyOf(outputs[e], lengths[e]);
        }
        double[][][] weights = attention(p, run);
        if (weights != null) {
            for (int e = 0; e < mb; e++) {
                weights[e] = java.util.Arrays.copyOf(weights[e], lengths[e]);
            }
        }
        return new Decoded(outputs, weights, lengths);
    }

    /**
     * One hypothesis of a beam search.
     *
     * @param symbols   the decoded symbols, ending with the end symbol when it was reached
     * @param logProb   the sum of their log-probabilities (no length normalisation)
     * @param attention the attention weights of each step {@code [steps][S]}, or null without attention
     */
    public record Beam(int[] symbols, double logProb, double[][] attention) {
    }

    /**
     * Beam search for a classifier: per example the {@code width} most probable symbol sequences
     * found by keeping, after every step, the {@code width} best partial sequences among all their
     * one-symbol extensions. A sequence ends at {@code endSymbol} (or after {@code maxSteps}); the
     * search of an example stops once its best ended sequence is more probable than every sequence
     * still open, since log-probabilities only fall as a sequence grows. Width 1 is greedy decoding.
     *
     * @param source      {@code [mb, F_source, S]}
     * @param sourceMask  {@code [mb, S]} or null
     * @param startSymbol the class fed as the first decoder input
     * @param maxSteps    the most steps
     * @param endSymbol   the class that ends a sequence, or -1 for none
     * @param width       k, at least 1
     * @return per example its best sequences, most probable first (at most {@code width})
     */
    public java.util.List<java.util.List<Beam>> beam(INDArray source, INDArray sourceMask, int startSymbol, int maxSteps,
                                                     int endSymbol, int width) {
        EncoderDecoderShape s = model.shape;
        if (!softmax || classes != s.targetFeatures()) {
            throw new IllegalArgumentException("beam search needs softmax outputs over the decoder's " + s.targetFeatures()
                    + " input classes; the network has " + classes + (softmax ? "" : " identity") + " outputs");
        }
        if (width < 1 || maxSteps < 1 || startSymbol < 0 || startSymbol >= classes || endSymbol >= classes) {
            throw new IllegalArgumentException("beam search needs width >= 1 (got " + width + "), at least 1 step (got " + maxSteps
                    + ") and start and end symbols below " + classes + " (got " + startSymbol + ", " + endSymbol + ")");
        }
        double[][][] src = ncw(source);
        double[][] masks = mask(sourceMask);
        java.util.List<java.util.List<Beam>> out = new java.util.ArrayList<>();
        for (int e = 0; e < src[0].length; e++) {
            double[][][] rep = new double[src.length][width][];
            for (int t = 0; t < src.length; t++) {
                for (int b = 0; b < width; b++) {
                    rep[t][b] = src[t][e];
                }
            }
            double[][] repMask = null;
            if (masks != null) {
                repMask = new double[width][];
                for (int b = 0; b < width; b++) {
                    repMask[b] = masks[e];
                }
            }
            out.add(beamOne(rep, repMask, startSymbol, maxSteps, endSymbol, width));
        }
        return out;
    }

    private java.util.List<Beam> beamOne(double[][][] src, double[][] srcMask, int startSymbol, int maxSteps, int endSymbol,
                                         int width) {
        EncoderDecoderMath.Pass p = model.begin(src, srcMask, maxSteps, null);
        int layers = model.shape.layers();
        double[] score = new double[width];
        java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
        score[0] = 0;   // the copies start identical: one live hypothesis
        int[][] symbols = new int[width][0];
        double[][][] attention = p.attention == null ? new double[width][][] : new double[width][0][];   // null: no attention
        int[] last = new int[width];
        java.util.Arrays.fill(last, startSymbol);
        java.util.List<Beam> done = new java.util.ArrayList<>();
        for (int t = 0; t < maxSteps; t++) {
            double[][] y = new double[width][classes];
            for (int b = 0; b < width; b++) {
                y[b][last[b]] = 1;
            }
            model.step(p, t, y);
            // every extension of every live hypothesis: (score, parent, symbol)
            java.util.List<double[]> candidates = new java.util.ArrayList<>();
            for (int b = 0; b < width; b++) {
                if (score[b] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double[] prob = outputLayer(p.output[t][b]);
                for (int k = 0; k < classes; k++) {
                    candidates.add(new double[]{score[b] + Math.log(prob[k]), b, k});
                }
            }
            candidates.sort((a, c) -> Double.compare(c[0], a[0]));
            double[] nextScore = new double[width];
            java.util.Arrays.fill(nextScore, Double.NEGATIVE_INFINITY);
            int[] parent = new int[width];
            int[][] nextSymbols = new int[width][];
            double[][][] nextAttention = new double[width][][];
            int filled = 0;
            for (double[] c : candidates) {
                if (filled == width) {
                    break;
                }
                int b = (int) c[1];
                int k = (int) c[2];
                int[] seq = java.util.Arrays.copyOf(symbols[b], symbols[b].length + 1);
                seq[seq.length - 1] = k;
                double[][] att = null;
                if (p.attention != null) {
                    att = java.util.Arrays.copyOf(attention[b], attention[b].length + 1);
                    att[att.length - 1] = p.attention[t].weights()[b].clone();
                }
                if (k == endSymbol || t == maxSteps - 1) {
                    done.add(new Beam(seq, c[0], att));
                    if (k == endSymbol) {
                        continue;
                    }
                }
                nextScore[filled] = c[0];
                parent[filled] = b;
                nextSymbols[filled] = seq;
                nextAttention[filled] = att;
                filled++;
            }
            done.sort((a, c) -> Double.compare(c.logProb(), a.logProb()));
            double bestOpen = java.util.Arrays.stream(nextScore).max().orElse(Double.NEGATIVE_INFINITY);
            if (done.size() >= width && done.get(width - 1).logProb() >= bestOpen) {
                break;
            }
            // the states after step t follow their hypotheses
            for (int l = 0; l < layers; l++) {
                p.decH[l][t + 1] = pick(p.decH[l][t + 1], parent, filled);
                if (p.decC != null) {
                    p.decC[l][t + 1] = pick(p.decC[l][t + 1], parent, filled);
                }
            }
            for (int b = 0; b < width; b++) {
                score[b] = nextScore[b];
                symbols[b] = b < filled ? nextSymbols[b] : new int[0];
                attention[b] = b < filled ? nextAttention[b] : p.attention == null ? null : new double[0][];
                last[b] = b < filled ? nextSymbols[b][nextSymbols[b].length - 1] : startSymbol;
            }
            if (filled == 0) {
                break;
            }
        }
        done.sort((a, c) -> Double.compare(c.logProb(), a.logProb()));
        return new java.util.ArrayList<>(done.subList(0, Math.min(width, done.size())));
    }

    private static double[][] pick(double[][] rows, int[] parent, int filled) {
        double[][] out = new double[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            out[b] = rows[b < filled ? parent[b] : 0];
        }
        return out;
    }

    private double[] outputLayer(double[] o) {
        double[] z = bOut.clone();
        for (int i = 0; i < o.length; i++) {
            for (int k = 0; k < classes; k++) {
                z[k] += o[i] * wOut[i * classes + k];
            }
        }
        if (softmax) {
            io.github.rnnkit.core.layers.Activations.softmaxInPlace(z, classes);
        }
        return z;
    }

    /**
     * @param v a step's outputs
     * @return the index of the largest (the first of equals): a classifier's predicted symbol
     */
    public static int argmax(double[] v) {
        return io.github.rnnkit.core.eval.CategoricalForecast.argMax(v);
    }

    /** @return weights {@code [mb][steps][S]} of the first {@code steps} steps, or null without attention */
    private static double[][][] attention(EncoderDecoderMath.Pass p, int steps) {
        if (p.attention == null) {
            return null;
        }
        double[][][] out = new double[p.mb][steps][];
        for (int t = 0; t < steps; t++) {
            for (int e = 0; e < p.mb; e++) {
                out[e][t] = p.attention[t].weights()[e].clone();
            }
        }
        return out;
    }

    /** @return {@code [steps][mb][F]} from {@code [mb, F, steps]} */
    private static double[][][] ncw(INDArray a) {
        return Seq2SeqArrays.ncwToTimeMajor(a);
    }

    private static double[][] mask(INDArray m) {
        if (m == null) {
            return null;
        }
        return m.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
