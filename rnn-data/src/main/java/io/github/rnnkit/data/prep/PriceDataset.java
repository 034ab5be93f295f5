package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.scale.Scaler;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;
import io.github.rnnkit.data.window.Windower;

import java.util.ArrayList;
import java.util.List;

/**
 * A price series ready for a regressor: split chronologically, one scaler per feature fitted on
 * the training part, each part scaled and cut into windows whose inputs are all features and
 * whose targets are the scaled target feature (feature 0). Forecasts come back in prices through
 * {@link #toPrices}.
 *
 * <p>With {@link ScalerKind#LOG_RETURNS} each part loses its first step (it has no return); the
 * windows' {@link SequenceSample#lastInputStep} still index the original series.
 */
public final class PriceDataset implements WindowedDataset {
    private final PriceSeries series;
    private final WindowSpec window;
    private final ChronoSplit split;
    private final List<Scaler> scalers;
    private final SequenceSet train;
    private final SequenceSet validation;
    private final SequenceSet test;

    private PriceDataset(Builder b) {
        this.series = b.series;
        this.window = b.requireWindow();
        this.split = b.split.resolve(series.index());
        this.scalers = b.scalers != null ? List.copyOf(b.scalers) : fit(b.scaler);
        if (scalers.size() != series.featureCount()) {
            throw new IllegalArgumentException(scalers.size() + " scalers for " + series.featureCount() + " features");
        }
        this.train = cut(split.train());
        this.validation = cut(split.validation());
        this.test = cut(split.test());
    }

    /**
     * Starts a dataset of a price series.
     *
     * @param series the whole series, target feature first
     * @return a builder; set the window, then build
     */
    public static Builder builder(PriceSeries series) {
        return new Builder(series);
    }

    private List<Scaler> fit(ScalerKind kind) {
        if (kind == ScalerKind.LOG_RETURNS) {
            requirePositive();
        }
        PriceSeries trainPart = series.slice(split.train());
        List<Scaler> out = new ArrayList<>();
        for (int f = 0; f < series.featureCount(); f++) {
            out.add(kind.fit(trainPart.feature(f)));
        }
        return out;
    }

    private void requirePositive() {
        for (int t = 0; t < series.length(); t++) {
            for (int f = 0; f < series.featureCount(); f++) {
                if (!(series.get(t, f) > 0)) {
                    throw series.index().error(t, series.features().get(f),
                            "log-returns need values above zero, got " + series.get(t, f) + " (choose another scaler)");
                }
            }
        }
    }

    /** The largest scaled magnitude accepted: its square, a squared error, still fits in float32 (3.4e38). */
    static final double MAX_SCALED = 1e18;

    private SequenceSet cut(IndexRange range) {
        int features = series.featureCount();
        if (range.isEmpty()) {
            return SequenceSet.regression(List.of(), features, 1, window.topology());
        }
        PriceSeries part = series.slice(range);
        double[][] scaled = new double[features][];
        int lag = scalers.get(0).lag();
        for (int f = 0; f < features; f++) {
            scaled[f] = scalers.get(f).transform(part.feature(f));
            for (int t = 0; t < scaled[f].length; t++) {
                if (!(Math.abs(scaled[f][t]) <= MAX_SCALED)) {
                    throw series.index().error(range.from() + lag + t, series.features().get(f),
                            "the value " + part.get(t + lag, f) + " becomes " + scaled[f][t] + " after " + scalers.get(f).kind().label()
                                    + " scaling, beyond the ±1e18 a network can train on (its squared error would overflow "
                                    + "float32): choose another scaler or fix the value");
                }
            }
        }
        int steps = scaled[0].length;
        double[][] inputs = new double[steps][features];
        double[][] targets = new double[steps][1];
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                inputs[t][f] = scaled[f][t];
            }
            targets[t][0] = scaled[0][t];
        }
        String name = WindowedDataset.partName(split, range) + (lag > 0 ? " (as log-returns)" : "");
        return SequenceSet.regression(
                Windower.cut(inputs, targets, range.from() + lag, window, name, series.index().source()),
                features, 1, window.topology());
    }

    /**
     * Turns a window's scaled target forecast back into prices.
     *
     * @param sample the window the forecast was made from
     * @param scaled the forecast in scaled units, one value per target step of the sample
     * @return the forecast in the target's original units. Seq2seq and many-to-one paths are
     *         chained from the last input's actual price; many-to-many steps are each one step
     *         ahead of an actual price, so each is inverted from the actual value before it.
     */
    public double[] toPrices(SequenceSample sample, double[] scaled) {
        Scaler scaler = targetScaler();
        int last = sample.lastInputStep();
        if (window.topology() == io.github.rnnkit.data.Topology.MANY_TO_MANY) {
            double[] out = new double[scaled.length];
            int first = firstTargetStep(sample);
            for (int i = 0; i < out.length; i++) {
                out[i] = scaler.inverseStep(scaled[i], series.get(first + i - 1, 0));
            }
            return out;
        }
        return scaler.inversePath(scaled, series.get(last, 0));
    }

    /**
     * @param sample a window of this dataset
     * @return the actual target prices of a sample, from the original series
     */
    public double[] actualPrices(SequenceSample sample) {
        int n = sample.targetLength();
        int first = firstTargetStep(sample);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = series.get(first + i, 0);
        }
        return out;
    }

    /**
     * @param sample a window of this dataset
     * @return the series step of a sample's first target
     */
    public int firstTargetStep(SequenceSample sample) {
        return window.topology() == io.github.rnnkit.data.Topology.MANY_TO_MANY
                ? sample.lastInputStep() - sample.targetLength() + 2 : sample.lastInputStep() + 1;
    }

    /**
     * A network trained on scaled levels (z-score, min-max or none) has seen only the training
     * part's range: through tanh it cannot forecast far beyond it. This measures how much of the
     * test part lies outside it.
     *
     * @return a sentence naming the share of the test part's target values outside the training
     *         part's range and both ranges, or empty when the test part stays inside (or is empty)
     */
    public java.util.Optional<String> testRangeWarning() {
        if (split.test().isEmpty()) {
            return java.util.Optional.empty();
        }
        double[] target = series.target();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = split.train().from(); t < split.train().to(); t++) {
            lo = Math.min(lo, target[t]);
            hi = Math.max(hi, target[t]);
        }
        int outside = 0;
        double testLo = Double.POSITIVE_INFINITY;
        double testHi = Double.NEGATIVE_INFINITY;
        for (int t = split.test().from(); t < split.test().to(); t++) {
            outside += target[t] < lo || target[t] > hi ? 1 : 0;
            testLo = Math.min(testLo, target[t]);
            testHi = Math.max(testHi, target[t]);
        }
        if (outside == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "%.0f %% of the test part's %s values (range %s .. "
                        + "%s) lie outside the training part's range (%s .. %s)%s", 100.0 * outside / split.test().length(),
                series.features().get(0), num(testLo), num(testHi), num(lo), num(hi), targetScaler().kind() == ScalerKind.LOG_RETURNS
                        ? "; log-returns do not depend on the level, so this matters less here"
                        : ": a network trained on " + targetScaler().kind().label() + "-scaled levels has not seen such values "
                        + "and cannot extrapolate to them through tanh; log-returns (--scaler log-returns) do not depend on "
                        + "the level"));
    }

    /** @return four significant digits without trailing zeros, e.g. 90, 109.5, 1.235e+08 */
    private static String num(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** @return the whole series */
    public PriceSeries series() {
        return series;
    }

    /** @return one fitted scaler per feature, target first */
    public List<Scaler> scalers() {
        return scalers;
    }

    /** @return the target feature's scaler */
    public Scaler targetScaler() {
        return scalers.get(0);
    }

    @Override
    public WindowSpec window() {
        return window;
    }

    @Override
    public ChronoSplit split() {
        return split;
    }

    @Override
    public SequenceSet train() {
        return train;
    }

    @Override
    public SequenceSet validation() {
        return validation;
    }

    @Override
    public SequenceSet test() {
        return test;
    }

    /** Builder; {@link #window} is required; defaults: {@link SplitFractions#DEFAULT}, z-score scaling. */
    public static final class Builder extends DatasetBuilder<Builder> {
        private final PriceSeries series;
        private ScalerKind scaler = ScalerKind.Z_SCORE;
        private List<Scaler> scalers;

        private Builder(PriceSeries series) {
            this.series = series;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Which scaler to fit on the training part for every feature (default z-score).
         *
         * @param kind the scaler kind
         * @return this builder
         */
        public Builder optScaler(ScalerKind kind) {
            this.scaler = kind;
            this.scalers = null;
            return this;
        }

        /**
         * Uses already fitted scalers (for example a saved model's), one per feature.
         *
         * @param fitted one fitted scaler per feature, target first
         * @return this builder
         */
        public Builder optScalers(List<Scaler> fitted) {
            this.scalers = fitted;
            return this;
        }

        /**
         * @return the dataset, scaled, split and windowed
         * @throws io.github.rnnkit.data.DataException when a part is shorter than one window, or
         * log-returns meet a value at or below zero
         */
        public PriceDataset build() {
            return new PriceDataset(this);
        }
    }
}
