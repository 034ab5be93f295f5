package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.attention.AdditiveAttention;
import io.github.rnnkit.core.attention.AttentionOutput;
import io.github.rnnkit.core.attention.MultiplicativeAttention;
import io.github.rnnkit.core.layers.Activations;
import io.github.rnnkit.core.layers.Dense;
import io.github.rnnkit.core.spec.CellType;

/**
 * The forward and backward pass of an encoder-decoder over a minibatch, teacher-forced, in double
 * precision. The encoder is a stack of L cells over the source x_1..x_S; the decoder a stack of L
 * cells of the same kind that starts from the encoder's final states (layer by layer) and reads
 * its inputs y_0..y_{T−1} (under teacher forcing the true outputs shifted by one step, y_0 a start
 * symbol or the last observed value). Its output o_t at every step is what an output layer turns
 * into a prediction:
 * <pre>
 *   none:      s_t = cell(y_t, s_{t−1}),                          o_t = s_t
 *   Bahdanau:  c_t = attend(s_{t−1}, h),  s_t = cell([y_t; c_t], s_{t−1}),  o_t = s_t
 *   Luong:     s_t = cell(y_t, s_{t−1}),  c_t = attend(s_t, h),   o_t = tanh([s_t; c_t] W_c + b_c)
 * </pre>
 * with h the top encoder layer's states and s the top decoder layer's ({@link AdditiveAttention},
 * {@link MultiplicativeAttention}). A step whose mask is 0 keeps every layer's state and outputs
 * 0, as rnnkit's recurrent layers do; padded source steps are also never attended to.
 *
 * <p>Layouts: sequences are time-major {@code [steps][mb][features]}, masks {@code [mb][steps]}
 * (null: all real), attention weights {@code [T][mb][S]}.
 */
final class EncoderDecoderMath {
    final EncoderDecoderShape shape;
    final StepCell[] encoder;
    final StepCell[] decoder;
    final StepCell.Weights[] encoderWeights;
    final StepCell.Weights[] decoderWeights;
    final AdditiveAttention additive;
    final MultiplicativeAttention multiplicative;
    /** Luong's W_c {@code [2H][H]} and b_c {@code [H]}, else null. */
    final double[] wc;
    final double[] bc;

    /** Activations to float32 accuracy (a float32 model), else to double precision. */
    final boolean float32;

    /**
     * Zero parameters of a shape, activations to double precision; {@link EncoderDecoderShape#read} fills them.
     *
     * @param shape the model's sizes
     */
    EncoderDecoderMath(EncoderDecoderShape shape) {
        this(shape, false);
    }

    /**
     * Zero parameters of a shape; {@link EncoderDecoderShape#read} fills them.
     *
     * @param shape   the model's sizes
     * @param float32 tanh and σ to float32 accuracy only, for a float32 model: the arithmetic stays in
     *                double, but exact activations took a third of a training step
     */
    EncoderDecoderMath(EncoderDecoderShape shape, boolean float32) {
        this.float32 = float32;
        this.shape = shape;
        int layers = shape.layers();
        int h = shape.hidden();
        encoder = new StepCell[layers];
        decoder = new StepCell[layers];
        encoderWeights = new StepCell.Weights[layers];
        decoderWeights = new StepCell.Weights[layers];
        for (int l = 0; l < layers; l++) {
            encoder[l] = new StepCell(shape.cell(), shape.relu(), l == 0 ? shape.sourceFeatures() : h, h, float32);
            decoder[l] = new StepCell(shape.cell(), shape.relu(), l == 0 ? shape.decoderInputs() : h, h, float32);
            encoderWeights[l] = zeros(encoder[l]);
            decoderWeights[l] = zeros(decoder[l]);
        }
        additive = shape.attention() == AttentionKind.BAHDANAU
                ? new AdditiveAttention(h, h, shape.attentionSize()).float32Accuracy(float32) : null;
        multiplicative = shape.attention() == AttentionKind.LUONG ? new MultiplicativeAttention(h, h) : null;
        wc = shape.attention() == AttentionKind.LUONG ? new double[2 * h * h] : null;
        bc = shape.attention() == AttentionKind.LUONG ? new double[h] : null;
    }

    private static StepCell.Weights zeros(StepCell c) {
        return new StepCell.Weights(new double[c.in * c.width], new double[c.hid * c.width], new double[c.width],
                c.type == CellType.GRU ? new double[c.hid] : null);
    }

    /** Everything a forward pass computed, for the backward pass and for the caller. */
    static final class Pass {
        int mb;
        int sourceSteps;
        int targetSteps;
        double[][] sourceMask;
        double[][] targetMask;
        /** Per layer and step, the cell's step (null where it did not run: never, it always runs). */
        StepCell.Step[][] enc;
        StepCell.Step[][] dec;
        /** States after each step, block 0 the initial state: {@code [layer][step + 1][mb][H]}. */
        double[][][][] encH;
        double[][][][] encC;
        double[][][][] decH;
        double[][][][] decC;
        /** The top encoder layer's states as attention keys {@code [mb][S][H]}, and their projection. */
        double[][][] keys;
        double[][][] projected;
        /** Per decoder step, its attention, or null without attention. */
        AttentionOutput[] attention;
        /** Arrays of an earlier pass that Bahdanau's step t may fill instead of allocating, or null. */
        double[][] spareHidden;
        /** Luong's [s_t; c_t], row-major per step {@code [T][mb·2H]} (the operand of both products), and o_t before masking {@code [T][mb][H]}. */
        double[][] joined;
        double[][][] luong;
        /** o_t, masked, {@code [T][mb][H]}. */
        double[][][] output;

        /** @return the attention weights {@code [T][mb][S]}, or null without attention */
        double[][][] weights() {
            if (attention == null) {
                return null;
            }
            double[][][] out = new double[attention.length][][];
            for (int t = 0; t < attention.length; t++) {
                out[t] = attention[t].weights();
            }
            return out;
        }
    }

    /** Gradients of the parameters (in the parameters' shapes) and of the inputs. */
    static final class Gradients {
        StepCell.Weights[] encoder;
        StepCell.Weights[] decoder;
        AdditiveAttention.Gradients additive;
        MultiplicativeAttention.Gradients multiplicative;
        double[] wc;
        double[] bc;
        /** ∂L/∂x {@code [S][mb][F_source]} and ∂L/∂y {@code [T][mb][F_target]}. */
        double[][][] source;
        double[][][] target;
    }

    /**
     * @param source     x {@code [S][mb][F_source]}
     * @param sourceMask {@code [mb][S]} or null
     * @param target     the decoder's inputs y {@code [T][mb][F_target]}
     * @param targetMask {@code [mb][T]} or null
     * @return the pass
     */
    Pass forward(double[][][] source, double[][] sourceMask, double[][][] target, double[][] targetMask) {
        return forward(source, sourceMask, target, targetMask, null);
    }

    /**
     * {@link #forward(double[][][], double[][], double[][][], double[][])} that may reuse the large
     * arrays of an earlier pass no one will read again (a training loop's previous pass): a
     * steady allocation of tens of megabytes per step made garbage collection take as long as the
     * arithmetic.
     *
     * @param recycle a finished pass whose arrays may be overwritten, or null
     */
    Pass forward(double[][][] source, double[][] sourceMask, double[][][] target, double[][] targetMask, Pass recycle) {
        Pass p = begin(source, sourceMask, target.length, targetMask);
        if (recycle != null && recycle.attention != null && p.attention != null) {
            p.spareHidden = new double[recycle.attention.length][];
            for (int t = 0; t < recycle.attention.length; t++) {
                p.spareHidden[t] = recycle.attention[t] == null ? null : recycle.attention[t].hidden();
            }
        }
        for (int t = 0; t < target.length; t++) {
            step(p, t, target[t]);
        }
        return p;
    }

    /**
     * Runs the encoder and sets the decoder's initial states; {@link #step} then runs the decoder
     * one step at a time, which is how a decoder that feeds back its own outputs runs.
     *
     * @param source      x {@code [S][mb][F_source]}
     * @param sourceMask  {@code [mb][S]} or null
     * @param targetSteps the most decoder steps that will be run
     * @param targetMask  {@code [mb][T]} or null
     * @return the pass, with no decoder step yet
     */
    Pass begin(double[][][] source, double[][] sourceMask, int targetSteps, double[][] targetMask) {
        int layers = shape.layers();
        int h = shape.hidden();
        boolean lstm = shape.cell() == CellType.LSTM;
        Pass p = new Pass();
        p.mb = source[0].length;
        p.sourceSteps = source.length;
        p.targetSteps = targetSteps;
        p.sourceMask = sourceMask;
        p.targetMask = targetMask;
        int mb = p.mb;
        int steps = p.sourceSteps;
        int outSteps = p.targetSteps;
        p.enc = new StepCell.Step[layers][steps];
        p.dec = new StepCell.Step[layers][outSteps];
        p.encH = new double[layers][steps + 1][][];
        p.decH = new double[layers][outSteps + 1][][];
        p.encC = lstm ? new double[layers][steps + 1][][] : null;
        p.decC = lstm ? new double[layers][outSteps + 1][][] : null;
        for (int l = 0; l < layers; l++) {
            p.encH[l][0] = new double[mb][h];
            if (lstm) {
                p.encC[l][0] = new double[mb][h];
            }
        }
        for (int t = 0; t < steps; t++) {
            stackStep(encoder, encoderWeights, p.enc, p.encH, p.encC, source[t], sourceMask, t);
        }
        for (int l = 0; l < layers; l++) {
            p.decH[l][0] = p.encH[l][steps];
            if (lstm) {
                p.decC[l][0] = p.encC[l][steps];
            }
        }
        AttentionKind kind = shape.attention();
        if (kind != AttentionKind.NONE) {
            p.keys = new double[mb][steps][];
            for (int e = 0; e < mb; e++) {
                for (int t = 0; t < steps; t++) {
                    p.keys[e][t] = p.encH[layers - 1][t + 1][e];
                }
            }
            p.projected = kind == AttentionKind.BAHDANAU ? additive.projectKeys(p.keys) : multiplicative.projectKeys(p.keys);
            p.attention = new AttentionOutput[outSteps];
        }
        if (kind == AttentionKind.LUONG) {
            p.joined = new double[outSteps][];
            p.luong = new double[outSteps][][];
        }
        p.output = new double[outSteps][][];
        return p;
    }

    /**
     * Runs decoder step t (after steps 0 to t − 1) and sets {@code p.output[t]}.
     *
     * @param p the pass
     * @param t the step
     * @param y the step's inputs {@code [mb][F_target]}
     */
    void step(Pass p, int t, double[][] y) {
        int layers = shape.layers();
        int h = shape.hidden();
        int mb = p.mb;
        AttentionKind kind = shape.attention();
        double[][] in = y;
        if (kind == AttentionKind.BAHDANAU) {
            double[] spare = p.spareHidden == null || t >= p.spareHidden.length ? null : p.spareHidden[t];
            p.attention[t] = additive.forward(p.decH[layers - 1][t], p.keys, p.projected, p.sourceMask, spare);
            in = concat(in, p.attention[t].context());
        }
        in = stackStep(decoder, decoderWeights, p.dec, p.decH, p.decC, in, p.targetMask, t);
        double[][] o = in;
        if (kind == AttentionKind.LUONG) {
            p.attention[t] = multiplicative.forward(in, p.keys, p.projected, p.sourceMask);
            p.joined[t] = concatFlat(in, p.attention[t].context());
            p.luong[t] = new double[mb][h];
            double[] pre = new double[mb * h];
            Dense.gemm(false, false, mb, h, 2 * h, p.joined[t], wc, 0, pre);
            for (int e = 0; e < mb; e++) {
                for (int k = 0; k < h; k++) {
                    double s = pre[e * h + k] + bc[k];
                    p.luong[t][e][k] = float32 ? Activations.tanhRational(s) : Activations.tanh(s);
                }
            }
            o = p.luong[t];
        }
        p.output[t] = new double[mb][];
        for (int e = 0; e < mb; e++) {
            double m = p.targetMask == null ? 1 : p.targetMask[e][t];
            p.output[t][e] = new double[h];
            for (int k = 0; k < h; k++) {
                p.output[t][e][k] = m * o[e][k];
            }
        }
    }

    /**
     * Step t through a stack of cells (encoder or decoder), each layer reading the one below, a
     * masked step keeping every layer's state.
     *
     * @return the top layer's state after the step
     */
    private static double[][] stackStep(StepCell[] cells, StepCell.Weights[] weights, StepCell.Step[][] steps, double[][][][] hs,
                                        double[][][][] cs, double[][] in, double[][] mask, int t) {
        for (int l = 0; l < cells.length; l++) {
            StepCell.Step s = cells[l].forward(weights[l], in, hs[l][t], cs == null ? null : cs[l][t]);
            steps[l][t] = s;
            hs[l][t + 1] = blend(s.h, hs[l][t], mask, t);
            if (cs != null) {
                cs[l][t + 1] = blend(s.c, cs[l][t], mask, t);
            }
            in = hs[l][t + 1];
        }
        return in;
    }

    /**
     * @param p    the forward pass
     * @param dOut ∂L/∂o_t {@code [T][mb][H]}
     * @return the gradients of the parameters and inputs
     */
    Gradients backward(Pass p, double[][][] dOut) {
        int layers = shape.layers();
        int h = shape.hidden();
        int mb = p.mb;
        boolean lstm = shape.cell() == CellType.LSTM;
        AttentionKind kind = shape.attention();
        Gradients g = new Gradients();
        g.encoder = new StepCell.Weights[layers];
        g.decoder = new StepCell.Weights[layers];
        for (int l = 0; l < layers; l++) {
            g.encoder[l] = encoderWeights[l].zerosLike();
            g.decoder[l] = decoderWeights[l].zerosLike();
        }
        if (kind == AttentionKind.BAHDANAU) {
            g.additive = additive.zeroGradients(mb, p.sourceSteps);
        } else if (kind == AttentionKind.LUONG) {
            g.multiplicative = multiplicative.zeroGradients(mb, p.sourceSteps);
            g.wc = new double[wc.length];
            g.bc = new double[h];
        }
        double[][][] dKeys = kind == AttentionKind.BAHDANAU ? g.additive.keys()
                : kind == AttentionKind.LUONG ? g.multiplicative.keys() : null;
        // ∂L/∂(projected keys), summed over the decoder steps and taken through the projection once
        double[][][] dProjected = kind == AttentionKind.NONE ? null
                : new double[mb][p.sourceSteps][kind == AttentionKind.BAHDANAU ? additive.size() : h];
        double[][][] dh = new double[layers][mb][h];
        double[][][] dc = lstm ? new double[layers][mb][h] : null;
        g.target = new double[p.targetSteps][][];
        int fTarget = shape.targetFeatures();
        for (int t = p.targetSteps - 1; t >= 0; t--) {
            double[][] dTop = new double[mb][h];
            for (int e = 0; e < mb; e++) {
                double m = p.targetMask == null ? 1 : p.targetMask[e][t];
                for (int k = 0; k < h; k++) {
                    dTop[e][k] = m * dOut[t][e][k];
                }
            }
            if (kind == AttentionKind.LUONG) {
                double[] dPre = new double[mb * h];
                for (int e = 0; e < mb; e++) {
                    for (int k = 0; k < h; k++) {
                        double o = p.luong[t][e][k];
                        double d = dTop[e][k] * (1 - o * o);
                        g.bc[k] += d;
                        dPre[e * h + k] = d;
                    }
                }
                Dense.gemm(true, false, 2 * h, h, mb, p.joined[t], dPre, 1, g.wc);
                double[] dJoined = new double[mb * 2 * h];
                Dense.gemm(false, true, mb, 2 * h, h, dPre, wc, 0, dJoined);
                double[][] dCtx = new double[mb][h];
                for (int e = 0; e < mb; e++) {
                    System.arraycopy(dJoined, e * 2 * h, dTop[e], 0, h);
                    System.arraycopy(dJoined, e * 2 * h + h, dCtx[e], 0, h);
                }
                zero(g.multiplicative.query());
                multiplicative.backward(p.decH[layers - 1][t + 1], p.keys, p.projected, p.attention[t], dCtx, null,
                        g.multiplicative, dProjected);
                add(dTop, g.multiplicative.query());
            }
            double[][] fromAbove = dTop;
            for (int l = layers - 1; l >= 0; l--) {
                double[][][] back = backStep(decoder[l], decoderWeights[l], p.dec[l][t], dh[l], lstm ? dc[l] : null, fromAbove,
                        p.targetMask, t, g.decoder[l]);
                fromAbove = back[0];
            }
            if (kind == AttentionKind.BAHDANAU) {
                double[][] dCtx = new double[mb][h];
                g.target[t] = new double[mb][fTarget];
                for (int e = 0; e < mb; e++) {
                    System.arraycopy(fromAbove[e], 0, g.target[t][e], 0, fTarget);
                    System.arraycopy(fromAbove[e], fTarget, dCtx[e], 0, h);
                }
                zero(g.additive.query());
                additive.backward(p.decH[layers - 1][t], p.keys, p.projected, p.attention[t], dCtx, null, g.additive, dProjected);
                add(dh[layers - 1], g.additive.query());
            } else {
                g.target[t] = fromAbove;
            }
        }
        if (kind == AttentionKind.BAHDANAU) {
            additive.backwardProjection(p.keys, dProjected, g.additive);
        } else if (kind == AttentionKind.LUONG) {
            multiplicative.backwardProjection(p.keys, dProjected, g.multiplicative);
        }
        g.source = new double[p.sourceSteps][][];
        for (int t = p.sourceSteps - 1; t >= 0; t--) {
            double[][] fromAbove = new double[mb][h];
            if (dKeys != null) {
                for (int e = 0; e < mb; e++) {
                    fromAbove[e] = dKeys[e][t].clone();
                }
            }
            for (int l = layers - 1; l >= 0; l--) {
                double[][][] back = backStep(encoder[l], encoderWeights[l], p.enc[l][t], dh[l], lstm ? dc[l] : null, fromAbove,
                        p.sourceMask, t, g.encoder[l]);
                fromAbove = back[0];
            }
            g.source[t] = fromAbove;
        }
        return g;
    }

    /**
     * One layer's step back. {@code dh} (and {@code dc}) hold ∂L/∂ of the state after the step from
     * later steps and are replaced by ∂L/∂ of the state before it; {@code fromAbove} is ∂L/∂ of
     * the step's output from the layer above (or the output).
     *
     * @return {∂L/∂(the step's input)}
     */
    private static double[][][] backStep(StepCell cell, StepCell.Weights w, StepCell.Step s, double[][] dh, double[][] dc,
                                         double[][] fromAbove, double[][] mask, int t, StepCell.Weights grad) {
        int mb = dh.length;
        int h = cell.hid;
        double[][] dNew = new double[mb][h];
        double[][] dcNew = dc == null ? null : new double[mb][h];
        for (int e = 0; e < mb; e++) {
            double m = mask == null ? 1 : mask[e][t];
            for (int k = 0; k < h; k++) {
                double total = dh[e][k] + fromAbove[e][k];
                dNew[e][k] = m * total;
                dh[e][k] = (1 - m) * total;   // a masked step passes the state's gradient straight back
                if (dc != null) {
                    dcNew[e][k] = m * dc[e][k];
                    dc[e][k] = (1 - m) * dc[e][k];
                }
            }
        }
        double[][][] back = cell.backward(w, s, dNew, dcNew, grad);
        add(dh, back[1]);
        if (dc != null) {
            add(dc, back[2]);
        }
        return new double[][][]{back[0]};
    }

    /** @return m ⊙ next + (1 − m) ⊙ prev per example at step t (next itself without a mask) */
    private static double[][] blend(double[][] next, double[][] prev, double[][] mask, int t) {
        if (mask == null) {
            return next;
        }
        double[][] out = new double[next.length][];
        for (int e = 0; e < next.length; e++) {
            double m = mask[e][t];
            if (m == 1) {
                out[e] = next[e];
            } else {
                out[e] = new double[next[e].length];
                for (int k = 0; k < out[e].length; k++) {
                    out[e][k] = m * next[e][k] + (1 - m) * prev[e][k];
                }
            }
        }
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int e = 0; e < a.length; e++) {
            out[e] = new double[a[e].length + b[e].length];
            System.arraycopy(a[e], 0, out[e], 0, a[e].length);
            System.arraycopy(b[e], 0, out[e], a[e].length, b[e].length);
        }
        return out;
    }

    /** @return the rows [a_e; b_e] side by side in one row-major array */
    private static double[] concatFlat(double[][] a, double[][] b) {
        int wa = a[0].length;
        int width = wa + b[0].length;
        double[] out = new double[a.length * width];
        for (int e = 0; e < a.length; e++) {
            System.arraycopy(a[e], 0, out, e * width, wa);
            System.arraycopy(b[e], 0, out, e * width + wa, b[e].length);
        }
        return out;
    }

    private static void add(double[][] into, double[][] from) {
        for (int e = 0; e < into.length; e++) {
            for (int k = 0; k < into[e].length; k++) {
                into[e][k] += from[e][k];
            }
        }
    }

    private static void zero(double[][] a) {
        for (double[] row : a) {
            java.util.Arrays.fill(row, 0);
        }
    }
}
