package io.github.rnnkit.examples;

import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.EncoderDecoderSpec;
import io.github.rnnkit.core.seq2seq.SymbolSeq2Seq;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.synth.SymbolSequences;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * An encoder-decoder that learns to reverse sequences of symbols, without and with Bahdanau
 * attention, trained with teacher forcing and judged by greedy decoding of unseen sequences.
 *
 * <p>Teaches: building an encoder-decoder from a validated {@link EncoderDecoderSpec}; that a
 * plain encoder-decoder must squeeze the whole source into one fixed-size vector, so on the same
 * budget it reverses far fewer sequences than one with attention; reading the attention weights
 * a decoded sequence returns (for reversal, the anti-diagonal: output step t looks at source step
 * L + 1 − t); and that a saved and reloaded network decodes the same.
 *
 * <p>Prints: token and sequence accuracy of each model, and the attention model's weights for one
 * sequence as a grid of digits (0-9, tenths of the largest weight in each row).
 */
public final class ReverseWithAttention {
    private ReverseWithAttention() {
    }

    /**
     * @param plain      the model without attention
     * @param attention  the model with Bahdanau attention
     * @param reloaded   the attention model saved and loaded again, on the same test pairs
     * @param source     the first test source
     * @param decoded    what the attention model decoded for it
     */
    public record Result(SymbolSeq2Seq.Accuracy plain, SymbolSeq2Seq.Accuracy attention, SymbolSeq2Seq.Accuracy reloaded,
                         int[] source, int[] decoded) {
    }

    /**
     * Runs the example; {@code --quick} for a run of a few seconds on shorter sequences.
     *
     * @param args {@code --quick} or nothing
     */
    public static void main(String[] args) {
        run(Examples.quick(args), Examples.outputDir(args, "reverse"));
    }

    /**
     * @param quick shorter sequences and fewer updates
     * @param dir   where the trained network is saved
     * @return both models' accuracies and the reloaded one's
     */
    public static Result run(boolean quick, Path dir) {
        int vocabulary = 8;
        int length = quick ? 6 : 12;
        SymbolSequences train = SymbolSequences.generate(SymbolSequences.Kind.REVERSE, quick ? 1024 : 3200, length, length,
                vocabulary, 1);
        SymbolSequences test = SymbolSequences.generate(SymbolSequences.Kind.REVERSE, 200, length, length, vocabulary, 2);
        int epochs = 3;
        SymbolSeq2Seq.Accuracy[] acc = new SymbolSeq2Seq.Accuracy[2];
        MultiLayerNetwork withAttention = null;
        double[][] shown = null;
        for (AttentionKind kind : new AttentionKind[]{AttentionKind.NONE, AttentionKind.BAHDANAU}) {
            // snippet:seq2seq
            EncoderDecoderSpec spec = EncoderDecoderSpec.symbols(CellType.GRU, 64, kind,
                    vocabulary, vocabulary + 2, length);        // V symbols in; V + start + end out
            SymbolSeq2Seq.Trained t = SymbolSeq2Seq.train(spec, train, epochs, 32, 1);   // teacher-forced
            SymbolSeq2Seq.Accuracy a = SymbolSeq2Seq.evaluate(t.net(), test, 1);        // greedy decoding
            double[][] weights = a.attention() == null ? null : a.attention()[0];     // [decoder step][source step]
            // end-snippet
            acc[kind == AttentionKind.NONE ? 0 : 1] = a;
            if (kind == AttentionKind.BAHDANAU) {
                withAttention = t.net();
                shown = weights;
            }
            System.out.printf(Locale.ROOT, "%-10s token accuracy %.3f, sequences reversed exactly %.3f (%d updates, %.1f s)%n",
                    kind.label(), acc[kind == AttentionKind.NONE ? 0 : 1].token(), acc[kind == AttentionKind.NONE ? 0 : 1].sequence(),
                    t.updates(), t.seconds());
        }
        Path file = dir.resolve("reverse-bahdanau.zip");
        SymbolSeq2Seq.Accuracy reloaded;
        try {
            ModelSerializer.writeModel(withAttention, file.toFile(), true);
            reloaded = SymbolSeq2Seq.evaluate(ModelSerializer.restoreMultiLayerNetwork(file.toFile()), test, 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save or load " + file + ": " + e.getMessage(), e);
        }
        System.out.println("source  " + Arrays.toString(test.sources()[0]));
        System.out.println("decoded " + Arrays.toString(acc[1].decoded()[0]) + " (saved to " + file + ", reloaded: "
                + Arrays.toString(reloaded.decoded()[0]) + ")");
        System.out.println("attention weights (rows: decoder steps; columns: source steps):");
        for (double[] row : shown) {
            double max = Arrays.stream(row).max().orElse(1);
            StringBuilder b = new StringBuilder("  ");
            for (double w : row) {
                b.append((int) Math.min(9, Math.floor(10 * w / max)));
            }
            System.out.println(b);
        }
        return new Result(acc[0], acc[1], reloaded, test.sources()[0], acc[1].decoded()[0]);
    }
}
