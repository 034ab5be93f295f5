package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.core.eval.HorizonEvaluation;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.seq2seq.PriceSeq2Seq;
import io.github.rnnkit.core.seq2seq.Seq2SeqForecaster;
import io.github.rnnkit.core.seq2seq.Seq2SeqFit;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

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
     * @param series     what was forecast
     * @param evaluation RMSE and MAE per day ahead on the test part, Diebold-Mariano against naive
     * @param bestEpoch  per trained model, the epoch kept (lowest validation error)
     */
    record Result(String series, HorizonEvaluation evaluation, Map<String, Integer> bestEpoch) {
    }

    /**
     * The series part 2 forecasts, read and checked before any training so that a bad CSV fails
     * at once rather than after the bottleneck sweep.
     *
     * @param name   what it is
     * @param prices the prices
     */
    record Series(String name, double[] prices) {
    }

    static Series series(Seq2SeqOptions o) {
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
        try {
            PriceSeq2Seq.chronological(prices, o.priceWindow(), o.priceHorizon());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        return new Series(name, prices);
    }

    static Result run(Seq2SeqOptions o, Series series, Consumer<String> progress) {
        double[] prices = series.prices();
        String name = series.name();
        int w = o.priceWindow();
        int h = o.priceHorizon();
        Map<String, double[][]> forecasts = new LinkedHashMap<>();
        Map<String, Integer> bestEpoch = new LinkedHashMap<>();
        Seq2SeqForecaster.Trained last = null;
        for (AttentionKind kind : List.of(AttentionKind.NONE, AttentionKind.BAHDANAU)) {
            Seq2SeqForecaster.Trained t = Seq2SeqForecaster.trainPrices(prices, name, new Seq2SeqForecaster.Settings(CellType.GRU,
                    o.hidden(), kind, w, h, o.priceEpochs(), 32, 0.003, o.seed()));
            String label = Seq2SeqForecaster.MODEL + ", " + (kind == AttentionKind.NONE ? "no attention" : kind.label());
            forecasts.put(label, t.forecasts().prices().get(Seq2SeqForecaster.MODEL));
            bestEpoch.put(label, t.fit().bestEpoch());
            progress.accept(String.format(Locale.ROOT, "  prices: %-34s best epoch %d of %d (%.0f s)", label, t.fit().bestEpoch(),
                    o.priceEpochs(), t.fit().seconds()));
            last = t;
        }
        // The same split and windows as Seq2SeqForecaster's, for the RepeatVector model
        PriceSeq2Seq.Parts parts = PriceSeq2Seq.chronological(prices, w, h);
        PriceSeq2Seq.Windows train = parts.train();
        PriceSeq2Seq.Windows val = parts.validation();
        PriceSeq2Seq.Windows test = parts.test();
        ModelSpec repeat = ModelSpec.builder().setCell(CellType.GRU).setSeq2seq(h).setInputSize(1).setHiddenSizes(o.hidden())
                .setOutputSize(1).setTask(Task.REGRESSION).optUpdater(UpdaterKind.ADAM, 0.003).optSeed(o.seed()).build();
        MultiLayerNetwork rv = NetworkFactory.create(repeat);
        Seq2SeqFit.Result r = Seq2SeqFit.fit(rv, PriceSeq2Seq.sourceOnly(train), 32, o.priceEpochs(), o.seed(),
                m -> PriceSeq2Seq.meanSquaredError(repeatForecast(m, val), val.target()));
        String rvLabel = "RepeatVector seq2seq";
        forecasts.put(rvLabel, test.toPrices(repeatForecast(rv, test)));
        bestEpoch.put(rvLabel, r.bestEpoch());
        progress.accept(String.format(Locale.ROOT, "  prices: %-34s best epoch %d of %d (%.0f s)", rvLabel, r.bestEpoch(),
                o.priceEpochs(), r.seconds()));
        forecasts.put(NAIVE, last.forecasts().prices().get(NAIVE));
        forecasts.put(DRIFT, last.forecasts().prices().get(DRIFT));
        double[][] truth = last.forecasts().priceTruth();
        return new Result(name, HorizonEvaluation.prices(truth, forecasts, NAIVE), bestEpoch);
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




}
