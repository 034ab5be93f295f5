package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.EncoderDecoderSpec;
import io.github.rnnkit.core.seq2seq.SymbolSeq2Seq;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.synth.SymbolSequences;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Part 1 of {@code rnnkit seq2seq}: the fixed-size context vector as a bottleneck. For each cell,
 * attention kind and source length, an encoder-decoder is trained on random symbol sequences
 * (copied or reversed) for the same number of updates and judged by greedy decoding of unseen
 * sequences. Runs are independent; several train at once, each on one BLAS thread, so a run's
 * result does not depend on how many run beside it. Each finished run is saved at once, so a
 * killed sweep resumes where it stopped.
 */
final class BottleneckExperiment {
    static final String PROGRESS = "bottleneck-progress.csv";

    private BottleneckExperiment() {
    }

    /**
     * One trained and decoded model.
     *
     * @param cell      the cell
     * @param attention the attention
     * @param length    the source length
     * @param token     token accuracy of greedy decoding
     * @param sequence  whole-sequence accuracy
     * @param updates   parameter updates made
     * @param seconds   training time
     * @param weights   the attention weights of the first test pair {@code [decoder step][source step]}, or null
     */
    record Run(CellType cell, AttentionKind attention, int length, double token, double sequence, int updates, double seconds,
               double[][] weights) {
        String key() {
            return cell.label() + "," + attention.label() + "," + length;
        }

        String csvLine() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s,%.6f,%.6f,%d,%.3f", key(), token, sequence, updates,
                    seconds));
            if (weights != null) {
                b.append(',').append(weights.length).append(',').append(weights[0].length);
                for (double[] row : weights) {
                    for (double w : row) {
                        b.append(',').append(String.format(Locale.ROOT, "%.5f", w));
                    }
                }
            }
            return b.toString();
        }

        static Run parse(String line) {
            String[] f = line.split(",");
            double[][] w = null;
            if (f.length > 8) {
                int rows = Integer.parseInt(f[8]);
                int cols = Integer.parseInt(f[9]);
                w = new double[rows][cols];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        w[r][c] = Double.parseDouble(f[10 + r * cols + c]);
                    }
                }
            }
            return new Run(CellType.parse(f[0]), AttentionKind.parse(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6]), w);
        }
    }

    /**
     * @param o        the options
     * @param folder   where progress is saved (and read back when resuming)
     * @param progress receives a line per finished run
     * @return every run, ordered by cell, attention and length
     */
    static List<Run> run(Seq2SeqOptions o, RunFolder folder, Consumer<String> progress) {
        Map<String, Run> done = new ConcurrentHashMap<>();
        folder.readProgress(PROGRESS).ifPresent(text -> text.lines().filter(l -> !l.isBlank()).map(Run::parse)
                .forEach(r -> done.put(r.key(), r)));
        if (!done.isEmpty()) {
            progress.accept("  resuming: " + done.size() + " bottleneck runs already done");
        }
        // One BLAS thread per run: results then do not depend on --workers.
        Nd4j.factory().blas().setMaxThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(o.workers());
        try {
            List<Future<?>> pending = new ArrayList<>();
            // Longest first: the pool then ends with short runs instead of one long run on one core.
            List<Integer> lengths = o.lengths().stream().sorted(Comparator.reverseOrder()).toList();
            for (int length : lengths) {
                for (CellType cell : o.cells()) {
                    for (AttentionKind kind : o.attentions()) {
                        Run probe = new Run(cell, kind, length, 0, 0, 0, 0, null);
                        if (done.containsKey(probe.key())) {
                            continue;
                        }
                        pending.add(pool.submit(() -> {
                            Run r = one(o, cell, kind, length);
                            synchronized (done) {
                                done.put(r.key(), r);
                                StringBuilder all = new StringBuilder();
                                done.values().forEach(d -> all.append(d.csvLine()).append('\n'));
                                folder.saveProgress(PROGRESS, all.toString());
                                progress.accept(String.format(Locale.ROOT,
                                        "  %-12s %-9s length %3d: token accuracy %.3f, sequences %.3f (%d updates, %.0f s)",
                                        cell.displayName(), kind.label(), length, r.token(), r.sequence(), r.updates(), r.seconds()));
                            }
                        }));
                    }
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Run> out = new ArrayList<>(done.values());
        out.sort(Comparator.comparing((Run r) -> o.cells().indexOf(r.cell())).thenComparing(r -> r.attention().ordinal())
                .thenComparingInt(Run::length));
        return out;
    }

    /** @return one run: train on fresh pairs of this length, decode unseen ones */
    static Run one(Seq2SeqOptions o, CellType cell, AttentionKind kind, int length) {
        int v = o.vocabulary();
        EncoderDecoderSpec spec = EncoderDecoderSpec.symbols(cell, o.hidden(), kind, v, v + 2, length)
                .withLearningRate(o.learningRate()).withSeed(o.seed());
        SymbolSequences train = SymbolSequences.generate(o.task(), o.trainPairs(), length, length, v, o.seed());
        SymbolSequences test = SymbolSequences.generate(o.task(), o.testPairs(), length, length, v, o.seed() + 1000);
        SymbolSeq2Seq.Trained t = SymbolSeq2Seq.train(spec, train, o.epochs(), 32, o.seed());
        SymbolSeq2Seq.Accuracy a = SymbolSeq2Seq.evaluate(t.net(), test, 1);
        double[][] weights = a.attention() == null ? null : a.attention()[0];
        return new Run(cell, kind, length, a.token(), a.sequence(), t.updates(), t.seconds(), weights);
    }
}
