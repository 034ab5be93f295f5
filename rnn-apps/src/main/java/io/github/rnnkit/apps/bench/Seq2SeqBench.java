package io.github.rnnkit.apps.bench;

import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.EncoderDecoderSpec;
import io.github.rnnkit.core.seq2seq.SymbolBatch;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.synth.SymbolSequences;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * The encoder-decoder's speed configuration, {@code rnnkit bench --seq2seq}: one training step of a
 * GRU encoder-decoder, teacher-forced, batch 64, source and target length 30, vocabulary 20 (18
 * source symbols; 20 decoder classes with start and end), hidden 128, Adam 1e-3, no clipping, for
 * each attention kind; one inference step is the teacher-forced forward pass.
 * {@code bench/torch_seq2seq_bench.py} times the same models in PyTorch.
 */
final class Seq2SeqBench {
    static final int BATCH = 64;
    static final int LENGTH = 30;
    static final int SYMBOLS = 18;
    static final int HIDDEN = 128;

    private Seq2SeqBench() {
    }

    /**
     * One framework's times for one attention kind.
     *
     * @param fw        rnnkit or pytorch
     * @param attention the attention
     * @param trainMs   median training step
     * @param inferMs   median inference step
     * @param threads   BLAS (rnnkit) or intra-op (PyTorch) threads
     */
    record Row(String fw, AttentionKind attention, double trainMs, double inferMs, int threads) {
        String json() {
            return String.format(Locale.ROOT, "{\"fw\": \"%s\", \"cfg\": \"s2s\", \"cell\": \"GRU\", \"form\": \"%s\", "
                            + "\"train_ms\": %.3f, \"infer_ms\": %.3f, \"threads\": %d, \"batch\": %d, \"length\": %d, "
                            + "\"input\": %d, \"hidden\": %d}", fw, attention.label(), trainMs, inferMs, threads, BATCH, LENGTH,
                    SYMBOLS, HIDDEN);
        }
    }

    /**
     * @param kind    the attention
     * @param options steps, warm-up and threads
     * @return rnnkit's median times
     */
    static Row rnnkit(AttentionKind kind, BenchApp.Options options) {
        EncoderDecoderSpec spec = new EncoderDecoderSpec(CellType.GRU, 1, HIDDEN, kind, HIDDEN, SYMBOLS, LENGTH, SYMBOLS + 2,
                SYMBOLS + 2, Task.CLASSIFICATION, 1e-3, 0, 1);
        MultiLayerNetwork net = spec.network();
        SymbolSequences data = SymbolSequences.generate(SymbolSequences.Kind.COPY, BATCH, LENGTH - 1, LENGTH - 1, SYMBOLS, 1);
        org.nd4j.linalg.dataset.DataSet batch = SymbolBatch.of(data.sources(), data.targets(), SYMBOLS, LENGTH);
        BenchApp.Timing train = BenchApp.time(() -> net.fit(batch), options);
        BenchApp.Timing infer = BenchApp.time(() -> net.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(),
                batch.getLabelsMaskArray()), options);
        return new Row("rnnkit", kind, train.steady(), infer.steady(), options.threads());
    }

    /**
     * Runs the PyTorch script on 1 and on 2 threads and keeps, per attention kind, the faster
     * training step (tiny models often run slower on more threads).
     *
     * @param ref   the script
     * @param kinds attention kinds
     * @param steps timed steps
     * @return PyTorch's rows
     */
    static List<Row> torch(TorchReference ref, List<AttentionKind> kinds, int steps) {
        String list = String.join(",", kinds.stream().map(AttentionKind::label).toList());
        List<Row> best = new java.util.ArrayList<>();
        for (int threads : new int[]{1, 2}) {
            List<JsonNode> lines = ref.lines(List.of("--attention", list, "--threads", String.valueOf(threads), "--steps",
                    String.valueOf(steps)));
            for (JsonNode j : lines) {
                Row r = new Row("pytorch", AttentionKind.parse(j.get("form").asText()), j.get("train_ms").asDouble(),
                        j.get("infer_ms").asDouble(), threads);
                int at = -1;
                for (int i = 0; i < best.size(); i++) {
                    if (best.get(i).attention() == r.attention()) {
                        at = i;
                    }
                }
                if (at < 0) {
                    best.add(r);
                } else if (r.trainMs() < best.get(at).trainMs()) {
                    best.set(at, r);
                }
            }
        }
        return best;
    }
}
