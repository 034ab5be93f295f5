package io.github.rnnkit.core.forecast;

import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.bundle.Provenance;
import io.github.rnnkit.core.bundle.TrainingSpan;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.ModelOutputs;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.net.DataFit;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.stream.StreamingPredictor;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.TimeIndex;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts with a trained model and what it knows of its data (window, vocabulary, scalers): the
 * one place a series becomes the network's inputs and its outputs become categories or prices.
 * In the spirit of DJL's {@code Predictor}: load once, then forecast as often as needed.
 *
 * <pre>{@code
 * Forecaster f = Forecaster.load(Path.of("runs/gru/model"));
 * NextCategory tomorrow = f.next(CategoricalSeries.fromCsv(Path.of("weather.csv"), "weather"));
 * System.out.println(tomorrow.category() + " " + tomorrow.probability("rain"));
 * CategoricalEvaluation e = f.evaluate(series);   // every window, next to the baselines
 * }</pre>
 *
 * A series of the wrong kind, with other columns than the model's, shorter than one window or
 * holding a category the model never saw fails with a {@link DataException} naming it. Not
 * thread-safe: the network keeps per-call state.
 */
public final class Forecaster {
    private static final int CHUNK = 256;
    private final RnnNetwork net;
    private final DataDescription data;
    private final Provenance provenance;

    private Forecaster(RnnNetwork net, DataDescription data, Provenance provenance) {
        this.net = net;
        this.data = data;
        this.provenance = provenance;
    }

    /**
     * @param bundle a bundle from {@link ModelBundle#load} or {@link ModelBundle#of}
     * @return a forecaster of a loaded or freshly built bundle
     */
    public static Forecaster of(ModelBundle bundle) {
        return checked(bundle.network(), bundle.data(), bundle.provenance());
    }

    /**
     * @param net a trained network
     * @param data what it expects of its data
     * @return a forecaster of a trained network with what it expects of its data (for example
     * {@code DataDescription.of(dataset)})
     * @throws IllegalArgumentException when the network does not fit the description
     */
    public static Forecaster of(RnnNetwork net, DataDescription data) {
        return checked(net, data, null);
    }

    private static Forecaster checked(RnnNetwork net, DataDescription data, Provenance provenance) {
        int k = data.kind() == SeriesKind.CATEGORICAL ? data.vocabulary().size() : 0;
        SequenceSet probe = data.kind() == SeriesKind.CATEGORICAL
                ? SequenceSet.classification(List.of(), k, k, data.window().topology())
                : SequenceSet.regression(List.of(), data.columns().size(), 1, data.window().topology());
        DataFit.require(net, probe, "the data description (" + data.kind() + ", " + data.columns() + ")");
        return new Forecaster(net, data, provenance);
    }

    /**
     * @param bundleDir a folder written by {@link ModelBundle#save}
     * @return a forecaster of the saved model
     * @throws DataException for a missing, partial or corrupt bundle
     */
    public static Forecaster load(Path bundleDir) {
        return of(ModelBundle.load(bundleDir));
    }

    /** @return what the model expects of its data */
    public DataDescription data() {
        return data;
    }

    /** @return the network */
    public RnnNetwork network() {
        return net;
    }

    /**
     * @param series a series of the model's categories, at least one look-back long
     * @return the forecast for the step after the series' last, from its last look-back steps
     */
    public NextCategory next(CategoricalSeries series) {
        return categories(series, true).get(0);
    }

    /**
     * @param series a series of the model's categories
     * @return a forecast after every step that ends a full look-back window, in order: the
     * forecast after step t uses steps t − L + 1 .. t (the last is {@link #next})
     */
    public List<NextCategory> everyStep(CategoricalSeries series) {
        return categories(series, false);
    }

    /**
     * @param series a series with the model's columns, at least one look-back long
     * @return the next H values after the series' last step, in the series' units
     */
    public NextPrices next(PriceSeries series) {
        return prices(series, true).get(0);
    }

    /**
     * @param series a series with the model's columns
     * @return as {@link #everyStep(CategoricalSeries)}, for a price model
     */
    public List<NextPrices> everyStep(PriceSeries series) {
        return prices(series, false);
    }

    /**
     * Evaluates the model on the windows of a series that forecast a step after the model's
     * training period, next to the majority-class, persistence and Markov baselines (see
     * {@link #firstUnseenStep}: a model scored on days it was trained on looks better than it
     * forecasts). The baselines are fitted on the evaluated series itself, which can only flatter
     * them: a model that beats them here beats them fairly.
     *
     * @param series a series of the model's categories, longer than one window
     * @return the model's metrics on those windows next to the baselines'
     * @throws DataException when no window forecasts a step after the training period
     */
    public CategoricalEvaluation evaluate(CategoricalSeries series) {
        return evaluate(series, false);
    }

    /**
     * As {@link #evaluate(CategoricalSeries)}, or on every window.
     *
     * @param series a series of the model's categories, longer than one window
     * @param allWindows true to score every window, including those that forecast training steps
     * @return the model's metrics next to the baselines'
     */
    public CategoricalEvaluation evaluate(CategoricalSeries series, boolean allWindows) {
        require(SeriesKind.CATEGORICAL, series.index().source(), series.column(), 1);
        requireLength(series.index().source(), series.column(), series.length(), data.window().span(),
                data.window().describe());
        CategoricalDataset ds = CategoricalDataset.builder(series).window(data.window()).optVocabulary(data.vocabulary())
                .split(whole(series.length())).build();
        SequenceSet windows = allWindows ? ds.train() : unseen(ds.train(), series.index(), series.column());
        return CategoricalEvaluation.of(net, windows, series.encode(data.vocabulary()), data.vocabulary());
    }

    /**
     * Evaluates a price model, in prices, next to naive and drift, on the windows that forecast a
     * step after its training period (as {@link #evaluate(CategoricalSeries)}).
     *
     * @param series a series with the model's columns, longer than one window
     * @return the model's metrics in prices on those windows next to the baselines'
     * @throws DataException when no window forecasts a step after the training period
     */
    public PriceEvaluation evaluate(PriceSeries series) {
        return evaluate(series, false);
    }

    /**
     * As {@link #evaluate(PriceSeries)}, or on every window.
     *
     * @param series a series with the model's columns, longer than one window
     * @param allWindows true to score every window, including those that forecast training steps
     * @return the model's metrics in prices next to the baselines'
     */
    public PriceEvaluation evaluate(PriceSeries series, boolean allWindows) {
        require(SeriesKind.PRICE, series.index().source(), series.features().get(0), series.featureCount());
        requireLength(series.index().source(), series.features().get(0), series.length(), data.window().span() + lag(),
                data.window().describe());
        PriceDataset ds = PriceDataset.builder(series).window(data.window()).optScalers(data.scalers())
                .split(whole(series.length())).build();
        return PriceEvaluation.of(net, ds, allWindows ? ds.train() : unseen(ds.train(), series.index(),
                series.features().get(0)));
    }

    /**
     * The first step of a series that the model was not trained on, by its bundle's record of
     * the training period: for a dated series, the first step dated after the training part's
     * last day (0 when the series starts after it or ends before it begins); for an undated series
     * read from the very file the model was trained on (same SHA-256), the step after the training
     * part. 0 when nothing is known (a network without a bundle, a bundle from before rnnkit
     * recorded its training period, or an undated series from another source).
     *
     * @param index the evaluated series' steps
     * @return the first step after the training period, 0 to {@code index.length()}
     */
    public int firstUnseenStep(TimeIndex index) {
        TrainingSpan span = provenance == null ? null : provenance.training();
        if (span == null || index.length() == 0) {
            return 0;
        }
        if (span.dated() && index.hasDates()) {
            if (index.date(0).isAfter(span.last()) || index.date(index.length() - 1).isBefore(span.first())) {
                return 0;
            }
            int t = 0;
            while (t < index.length() && !index.date(t).isAfter(span.last())) {
                t++;
            }
            return t;
        }
        if (!span.dated() && sameFile(index.source())) {
            return Math.min(span.steps(), index.length());
        }
        return 0;
    }

    /** @return the training period the bundle recorded, or null */
    public TrainingSpan trainingSpan() {
        return provenance == null ? null : provenance.training();
    }

    private boolean sameFile(String source) {
        if (provenance.dataSha256() == null || source == null) {
            return false;
        }
        try {
            Path file = Path.of(source);
            return java.nio.file.Files.isRegularFile(file) && provenance.dataSha256().equals(Provenance.sha256(file));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** @return the windows whose forecast step comes after the training period */
    private SequenceSet unseen(SequenceSet windows, TimeIndex index, String column) {
        int first = firstUnseenStep(index);
        int from = 0;
        while (from < windows.size() && windows.get(from).lastInputStep() + 1 < first) {
            from++;
        }
        if (from == windows.size()) {
            throw new DataException(index.source(), 0, column, "every window forecasts a step the model was trained on ("
                    + trainingSpan().describe() + "): nothing is left to evaluate it on fairly; give data after "
                    + "that period, or score every window anyway (all windows, e.g. `--all-windows`)");
        }
        return windows.subset(from, windows.size());
    }

    /**
     * @return a predictor fed one step at a time (inputs as the network takes them: one-hot
     *         categories, or scaled values) that gives what the full pass gives at each step
     */
    public StreamingPredictor streaming() {
        return StreamingPredictor.of(net);
    }

    private List<NextCategory> categories(CategoricalSeries s, boolean lastOnly) {
        require(SeriesKind.CATEGORICAL, s.index().source(), s.column(), 1);
        int lookBack = data.window().lookBack();
        requireLength(s.index().source(), s.column(), s.length(), lookBack, "look-back of " + lookBack);
        int k = data.vocabulary().size();
        double[][] oneHot = CategoricalDataset.oneHot(s.encode(data.vocabulary()), k);
        List<SequenceSample> samples = new ArrayList<>();
        for (int end = lastOnly ? s.length() : lookBack; end <= s.length(); end++) {
            samples.add(new SequenceSample(Arrays.copyOfRange(oneHot, end - lookBack, end), dummyTargets(), end - 1));
        }
        List<NextCategory> out = new ArrayList<>();
        forEachOutput(SequenceSet.classification(samples, k, k, data.window().topology()), (sample, y) ->
                out.add(new NextCategory(sample.lastInputStep(), date(s.index(), sample.lastInputStep()),
                        data.vocabulary().categories(), y[0])));
        return out;
    }

    private List<NextPrices> prices(PriceSeries s, boolean lastOnly) {
        require(SeriesKind.PRICE, s.index().source(), s.features().get(0), s.featureCount());
        int lookBack = data.window().lookBack();
        int lag = lag();
        requireLength(s.index().source(), s.features().get(0), s.length(), lookBack + lag, "look-back of " + lookBack);
        int features = s.featureCount();
        double[][] scaled = new double[features][];
        for (int f = 0; f < features; f++) {
            // lag-free scalers map step t to t; log-returns map step t to t - 1 (step 0 has no return)
            scaled[f] = data.scalers().get(f).transform(s.feature(f));
            for (int t = 0; t < scaled[f].length; t++) {
                if (!(Math.abs(scaled[f][t]) <= 1e18)) {
                    throw s.index().error(t + lag, s.features().get(f), "the value " + s.get(t + lag, f) + " becomes "
                            + scaled[f][t] + " after the model's " + data.scalers().get(f).kind().label()
                            + " scaling, beyond what the network can take (±1e18): it is far outside the data the model was "
                            + "trained on");
                }
            }
        }
        List<SequenceSample> samples = new ArrayList<>();
        for (int end = lastOnly ? s.length() : lookBack + lag; end <= s.length(); end++) {
            double[][] x = new double[lookBack][features];
            for (int t = 0; t < lookBack; t++) {
                for (int f = 0; f < features; f++) {
                    x[t][f] = scaled[f][end - lag - lookBack + t];
                }
            }
            samples.add(new SequenceSample(x, dummyTargets(), end - 1));
        }
        List<NextPrices> out = new ArrayList<>();
        forEachOutput(SequenceSet.regression(samples, features, 1, data.window().topology()), (sample, y) -> {
            double[] values = new double[y.length];
            for (int h = 0; h < y.length; h++) {
                values[h] = y[h][0];
            }
            double last = s.get(sample.lastInputStep(), 0);
            double[] path = data.scalers().get(0).inversePath(values, last);
            for (double v : path) {
                if (!Double.isFinite(v)) {
                    throw s.index().error(sample.lastInputStep(), s.features().get(0), "the forecast after this step is "
                            + v + " in prices (the network gave " + Arrays.toString(values) + " in scaled units): it "
                            + "overflows, so there is no forecast to give");
                }
            }
            out.add(new NextPrices(sample.lastInputStep(), date(s.index(), sample.lastInputStep()), last, path));
        });
        return out;
    }

    private interface OutputSink {
        void accept(SequenceSample sample, double[][] output);
    }

    private void forEachOutput(SequenceSet set, OutputSink sink) {
        for (int from = 0; from < set.size(); from += CHUNK) {
            SequenceSet part = set.subset(from, Math.min(set.size(), from + CHUNK));
            double[][][] y = ModelOutputs.forecasts(net, part);
            for (int i = 0; i < part.size(); i++) {
                sink.accept(part.get(i), y[i]);
            }
        }
    }

    private double[][] dummyTargets() {
        WindowSpec w = data.window();
        int steps = w.topology() == Topology.SEQ2SEQ ? w.horizon() : w.topology() == Topology.MANY_TO_MANY ? w.lookBack() : 1;
        return new double[steps][1];
    }

    private int lag() {
        return data.scalers().isEmpty() ? 0 : data.scalers().get(0).lag();
    }

    private void require(SeriesKind kind, String source, String column, int columns) {
        if (data.kind() != kind) {
            throw new DataException(source, 0, column, "the model forecasts "
                    + (data.kind() == SeriesKind.PRICE ? "prices" : "categories") + " but this series holds "
                    + (kind == SeriesKind.PRICE ? "numbers" : "categories") + " (a model of the wrong kind for the data)");
        }
        if (columns != data.columns().size()) {
            throw new DataException(source, 0, column, "the model takes " + data.columns().size() + " column(s) ("
                    + String.join(", ", data.columns()) + "), this series has " + columns);
        }
    }

    /**
     * @param needed steps for one input window (forecasts) or one window with its targets (evaluation)
     * @param what   what needs them, for the message
     */
    private void requireLength(String source, String column, int length, int needed, String what) {
        if (length < needed) {
            throw new DataException(source, 0, column, "the series has " + length + " steps; the model's " + what
                    + (lag() > 0 ? " (plus one step for log-returns)" : "") + " needs at least " + needed);
        }
    }

    private static LocalDate date(TimeIndex index, int t) {
        return index.hasDates() ? index.date(t) : null;
    }

    private static ChronoSplit whole(int steps) {
        return new ChronoSplit(new IndexRange(0, steps), new IndexRange(steps, steps), new IndexRange(steps, steps));
    }
}
