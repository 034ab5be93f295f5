package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.core.eval.CategoricalBaselines;
import io.github.rnnkit.core.eval.McNemar;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.CategorySeq2Seq;
import io.github.rnnkit.core.seq2seq.EncoderDecoderSpec;
import io.github.rnnkit.core.seq2seq.Seq2SeqFit;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Part 3 of {@code rnnkit seq2seq}: the next days of Seattle's weather as a sequence of categories.
 * Encoder-decoders (GRU, without and with Bahdanau attention, decoding their own forecasts) against
 * persistence (every day like today), the Markov chain's k-step forecasts and the majority class,
 * accuracy per day ahead on the chronological test part, each model against persistence and
 * against the Markov chain by McNemar's test per day.
 */
final class WeatherExperiment {
    static final String PERSISTENCE = "persistence";
    static final String MARKOV = "Markov chain";
    static final String MAJORITY = "majority class";

    private WeatherExperiment() {
    }

    /**
     * @param categories    the categories, in code order
     * @param windows       test windows
     * @param accuracy      per forecaster, accuracy for each day ahead
     * @param pVsPersistence per model, McNemar's p-value against persistence for each day
     * @param pVsMarkov     per model, McNemar's p-value against the Markov chain for each day
     * @param bestEpoch     per model, the epoch kept
     */
    record Result(List<String> categories, int windows, Map<String, double[]> accuracy, Map<String, double[]> pVsPersistence,
                  Map<String, double[]> pVsMarkov, Map<String, Integer> bestEpoch) {
        /** @return the mean accuracy over the days ahead */
        double mean(String forecaster) {
            return Arrays.stream(accuracy.get(forecaster)).average().orElse(Double.NaN);
        }
    }

    static Result run(Seq2SeqOptions o, Consumer<String> progress) {
        CategoricalSeries series = SampleDataset.SEATTLE_WEATHER.series();
        Vocabulary vocab = Vocabulary.fit(series.values());
        int[] codes = series.encode(vocab);
        int c = vocab.size();
        int n = codes.length;
        int w = o.weatherWindow();
        int h = o.weatherHorizon();
        int trainEnd = (int) Math.round(n * 0.7);
        int valEnd = (int) Math.round(n * 0.85);
        int[] trainEnds = IntStream.rangeClosed(w - 1, trainEnd - h - 1).toArray();
        int[] valEnds = IntStream.rangeClosed(trainEnd - 1, valEnd - h - 1).toArray();
        int[] testEnds = IntStream.rangeClosed(valEnd - 1, n - h - 1).toArray();
        int[][] truth = new int[testEnds.length][h];
        int[] today = new int[testEnds.length];
        for (int i = 0; i < testEnds.length; i++) {
            today[i] = codes[testEnds[i]];
            for (int k = 0; k < h; k++) {
                truth[i][k] = codes[testEnds[i] + 1 + k];
            }
        }
        Map<String, int[][]> forecasts = new LinkedHashMap<>();
        Map<String, Integer> bestEpoch = new LinkedHashMap<>();
        int classes = CategorySeq2Seq.decoderClasses(c);
        for (AttentionKind kind : List.of(AttentionKind.NONE, AttentionKind.BAHDANAU)) {
            EncoderDecoderSpec spec = new EncoderDecoderSpec(CellType.GRU, 1, o.hidden(), kind, o.hidden(), c, w, classes, classes,
                    Task.CLASSIFICATION, 0.003, 5, o.seed());
            MultiLayerNetwork net = spec.network();
            Seq2SeqFit.Result r = Seq2SeqFit.fit(net, CategorySeq2Seq.teacherForced(codes, trainEnds, w, h, c), 32,
                    o.weatherEpochs(), o.seed(), m -> 1 - accuracy(CategorySeq2Seq.forecast(m, codes, valEnds, w, h, c),
                            codes, valEnds));
            String label = "encoder-decoder, " + (kind == AttentionKind.NONE ? "no attention" : kind.label());
            forecasts.put(label, CategorySeq2Seq.forecast(net, codes, testEnds, w, h, c));
            bestEpoch.put(label, r.bestEpoch());
            progress.accept(String.format(Locale.ROOT, "  weather: %-33s best epoch %d of %d (%.0f s)", label, r.bestEpoch(),
                    o.weatherEpochs(), r.seconds()));
        }
        CategoricalBaselines base = CategoricalBaselines.fit(Arrays.copyOf(codes, trainEnd), c);
        int[][] persistence = new int[testEnds.length][h];
        int[][] majority = new int[testEnds.length][h];
        int major = argmax(base.frequencies());
        for (int i = 0; i < testEnds.length; i++) {
            Arrays.fill(persistence[i], today[i]);
            Arrays.fill(majority[i], major);
        }
        forecasts.put(PERSISTENCE, persistence);
        forecasts.put(MARKOV, base.markovRollout(today, h));
        forecasts.put(MAJORITY, majority);
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, double[]> pP = new LinkedHashMap<>();
        Map<String, double[]> pM = new LinkedHashMap<>();
        for (Map.Entry<String, int[][]> e : forecasts.entrySet()) {
            double[] a = new double[h];
            double[] vp = new double[h];
            double[] vm = new double[h];
            for (int k = 0; k < h; k++) {
                int[] t = column(truth, k);
                int[] f = column(e.getValue(), k);
                int right = 0;
                for (int i = 0; i < t.length; i++) {
                    right += t[i] == f[i] ? 1 : 0;
                }
                a[k] = right / (double) t.length;
                vp[k] = McNemar.pValue(t, f, column(persistence, k));
                vm[k] = McNemar.pValue(t, f, column(forecasts.get(MARKOV), k));
            }
            acc.put(e.getKey(), a);
            if (e.getKey().startsWith("encoder-decoder")) {
                pP.put(e.getKey(), vp);
                pM.put(e.getKey(), vm);
            }
        }
        return new Result(vocab.categories(), testEnds.length, acc, pP, pM, bestEpoch);
    }

    private static double accuracy(int[][] f, int[] codes, int[] ends) {
        int right = 0;
        int all = 0;
        for (int i = 0; i < f.length; i++) {
            for (int k = 0; k < f[i].length; k++) {
                right += f[i][k] == codes[ends[i] + 1 + k] ? 1 : 0;
                all++;
            }
        }
        return right / (double) all;
    }

    private static int[] column(int[][] m, int k) {
        int[] out = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][k];
        }
        return out;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
