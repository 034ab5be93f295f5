package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.core.eval.DieboldMariano;
import io.github.rnnkit.core.eval.PriceBaselines;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.EncoderDecoderSpec;
import io.github.rnnkit.core.seq2seq.PriceSeq2Seq;
import io.github.rnnkit.core.seq2seq.Seq2SeqFit;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Part 2 of {@code rnnkit seq2seq}: multi-step price forecasts. The teacher-forced encoder-decoder
 * (GRU, without and with Bahdanau attention, decoding its own forecasts) against the
 * {@code RepeatVector} seq2seq of {@code rnnkit train --topology seq2seq} and the naive and drift
 * forecasts, on the price scale, day by day, on the chronological test part; each model against
 * naive by a Diebold-Mariano test per day ahead.
 */
final class PriceExperiment {
    static final String NAIVE = "naive";
    static final String DRIFT = "drift";

    private PriceExperiment() {
    }

    /**
     * @param series    what was forecast
     * @param windows   test windows
     * @param rmse      per model, the RMSE of each day ahead (price units)
     * @param mae       per model, the MAE of each day ahead
     * @param pVsNaive  per model (not naive), the Diebold-Mariano p-value against naive for each day ahead (squared errors)
     * @param bestEpoch per trained model, the epoch kept (lowest validation error)
     */
    record Result(String series, int windows, Map<String, double[]> rmse, Map<String, double[]> mae,
                  Map<String, double[]> pVsNaive, Map<String, Integer> bestEpoch) {
        /** @return per model the mean over days of its RMSE */
        double meanRmse(String model) {
            double s = 0;
            for (double x : rmse.get(model)) {
                s += x;
            }
            return s / rmse.get(model).length;
        }
    }

    static Result run(Seq2SeqOptions o, Consumer<String> progress) {
        double[] prices;
        String name;
        if (o.priceInput() == null) {
            GeometricBrownianMotion g = GeometricBrownianMotion.DEFAULT;
            prices = g.generate(o.gbmDays(), o.seed()).target();
            name = String.format(Locale.ROOT, "synthetic GBM prices (%d days, mu %.0f %%, sigma %.0f %% a year, seed %d)",
                    o.gbmDays(), 100 * g.mu(), 100 * g.sigma(), o.seed());
        } else {
            PriceSeries s = o.priceInput().reader(o.priceInput().table())
                    .prices(o.priceInput().resolvedColumns().toArray(new String[0]));
            prices = s.target();
            name = o.priceInput().sourceName() + " column " + String.join(",", o.priceInput().resolvedColumns());
        }
        int n = prices.length;
        int trainEnd = (int) Math.round(n * 0.7);
        int valEnd = (int) Math.round(n * 0.85);
        int w = o.priceWindow();
        int h = o.priceHorizon();
        if (valEnd - trainEnd < w + h + 1 || n - valEnd < w + h + 1) {
            throw new IllegalArgumentException(name + " has " + n + " prices: too few for validation and test windows of "
                    + w + " + " + h + " days (15 % each); give a longer series or a shorter --price-window / --horizon");
        }
        double sigma = PriceSeq2Seq.returnScale(prices, 0, trainEnd);
        PriceSeq2Seq.Windows train = PriceSeq2Seq.windows(prices, 0, trainEnd, w, h, sigma);
        PriceSeq2Seq.Windows val = PriceSeq2Seq.windows(prices, trainEnd - w, valEnd, w, h, sigma);
        PriceSeq2Seq.Windows test = PriceSeq2Seq.windows(prices, valEnd - w, n, w, h, sigma);
        double[][] truth = test.truePrices();
        Map<String, double[][]> forecasts = new LinkedHashMap<>();
        Map<String, Integer> bestEpoch = new LinkedHashMap<>();
        for (AttentionKind kind : List.of(AttentionKind.NONE, AttentionKind.BAHDANAU)) {
            EncoderDecoderSpec spec = new EncoderDecoderSpec(CellType.GRU, 1, o.hidden(), kind, o.hidden(), 1, w, 1, 1,
                    Task.REGRESSION, 0.003, 5, o.seed());
            MultiLayerNetwork net = spec.network();
            Seq2SeqFit.Result r = Seq2SeqFit.fit(net, PriceSeq2Seq.teacherForced(train), 32, o.priceEpochs(), o.seed(),
                    m -> mse(PriceSeq2Seq.forecast(m, val), val.target()));
            String label = "encoder-decoder, " + (kind == AttentionKind.NONE ? "no attention" : kind.label());
            forecasts.put(label, test.toPrices(PriceSeq2Seq.forecast(net, test)));
            bestEpoch.put(label, r.bestEpoch());
            progress.accept(String.format(Locale.ROOT, "  prices: %-34s best epoch %d of %d (%.0f s)", label, r.bestEpoch(),
                    o.priceEpochs(), r.seconds()));
        }
        ModelSpec repeat = ModelSpec.builder().setCell(CellType.GRU).setSeq2seq(h).setInputSize(1).setHiddenSizes(o.hidden())
                .setOutputSize(1).setTask(Task.REGRESSION).optUpdater(UpdaterKind.ADAM, 0.003).optSeed(o.seed()).build();
        MultiLayerNetwork rv = NetworkFactory.create(repeat);
        Seq2SeqFit.Result r = Seq2SeqFit.fit(rv, PriceSeq2Seq.sourceOnly(train), 32, o.priceEpochs(), o.seed(),
                m -> mse(repeatForecast(m, val), val.target()));
        String rvLabel = "RepeatVector seq2seq";
        forecasts.put(rvLabel, test.toPrices(repeatForecast(rv, test)));
        bestEpoch.put(rvLabel, r.bestEpoch());
        progress.accept(String.format(Locale.ROOT, "  prices: %-34s best epoch %d of %d (%.0f s)", rvLabel, r.bestEpoch(),
                o.priceEpochs(), r.seconds()));
        forecasts.put(NAIVE, PriceBaselines.naive(test.last(), h));
        forecasts.put(DRIFT, PriceBaselines.drift(prices[0], test.last(), test.lastIndex(), h));
        Map<String, double[]> rmse = new LinkedHashMap<>();
        Map<String, double[]> mae = new LinkedHashMap<>();
        Map<String, double[]> p = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : forecasts.entrySet()) {
            rmse.put(e.getKey(), perDay(e.getValue(), truth, true));
            mae.put(e.getKey(), perDay(e.getValue(), truth, false));
            if (!e.getKey().equals(NAIVE)) {
                double[] pv = new double[h];
                for (int k = 0; k < h; k++) {
                    pv[k] = DieboldMariano.pValue(squared(e.getValue(), truth, k), squared(forecasts.get(NAIVE), truth, k), k + 1);
                }
                p.put(e.getKey(), pv);
            }
        }
        return new Result(name, test.size(), rmse, mae, p, bestEpoch);
    }

    private static double[][] repeatForecast(MultiLayerNetwork net, PriceSeq2Seq.Windows w) {
        INDArray out = net.output(PriceSeq2Seq.sourceOnly(w).getFeatures());
        int horizon = w.target()[0].length;
        double[][] rel = new double[w.size()][horizon];
        for (int i = 0; i < w.size(); i++) {
            for (int k = 0; k < horizon; k++) {
                rel[i][k] = out.getDouble(i, 0, k);
            }
        }
        return rel;
    }

    private static double mse(double[][] a, double[][] b) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                double d = a[i][k] - b[i][k];
                s += d * d;
                n++;
            }
        }
        return s / n;
    }

    private static double[] squared(double[][] f, double[][] truth, int k) {
        double[] out = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            double d = f[i][k] - truth[i][k];
            out[i] = d * d;
        }
        return out;
    }

    private static double[] perDay(double[][] f, double[][] truth, boolean root) {
        int h = truth[0].length;
        double[] out = new double[h];
        for (int k = 0; k < h; k++) {
            double s = 0;
            for (int i = 0; i < truth.length; i++) {
                double d = f[i][k] - truth[i][k];
                s += root ? d * d : Math.abs(d);
            }
            out[k] = root ? Math.sqrt(s / truth.length) : s / truth.length;
        }
        return out;
    }

    /** @return the names of the models in the order the report lists them */
    static List<String> models(Result r) {
        return new ArrayList<>(r.rmse().keySet());
    }
}
