package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.SequenceSet;
import io.github.rnnkit.data.window.WindowSpec;
import io.github.rnnkit.data.window.Windower;

import java.util.List;

/**
 * A categorical series ready for a classifier: split chronologically, the vocabulary fixed from
 * the training part, each part one-hot encoded (inputs {@code [time][category]}) and cut into
 * windows whose targets are class indices.
 *
 * <pre>{@code
 * CategoricalDataset ds = CategoricalDataset.builder(weather)
 *         .window(WindowSpec.manyToOne(10))
 *         .split(SplitFractions.DEFAULT)
 *         .build();
 * DataSetIterator train = ds.train().iterator(32);
 * }</pre>
 */
public final class CategoricalDataset implements WindowedDataset {
    private final CategoricalSeries series;
    private final WindowSpec window;
    private final ChronoSplit split;
    private final Vocabulary vocabulary;
    private final SequenceSet train;
    private final SequenceSet validation;
    private final SequenceSet test;

    private CategoricalDataset(Builder b) {
        this.series = b.series;
        this.window = b.requireWindow();
        this.split = b.split.resolve(series.index());
        this.vocabulary = b.vocabulary != null ? b.vocabulary
                : Vocabulary.fit(series.slice(split.train()).values());
        this.train = cut(split.train());
        this.validation = cut(split.validation());
        this.test = cut(split.test());
    }

    /**
     * Starts a dataset of a categorical series.
     *
     * @param series the whole series
     * @return a builder; set the window, then build
     */
    public static Builder builder(CategoricalSeries series) {
        return new Builder(series);
    }

    private SequenceSet cut(IndexRange range) {
        if (range.isEmpty()) {
            return SequenceSet.classification(List.of(), vocabulary.size(), vocabulary.size(), window.topology());
        }
        int[] codes = series.slice(range).encode(vocabulary);
        double[][] inputs = oneHot(codes, vocabulary.size());
        double[][] targets = new double[codes.length][];
        for (int t = 0; t < codes.length; t++) {
            targets[t] = new double[]{codes[t]};
        }
        return SequenceSet.classification(
                Windower.cut(inputs, targets, range.from(), window, WindowedDataset.partName(split, range),
                        series.index().source()),
                vocabulary.size(), vocabulary.size(), window.topology());
    }

    /**
     * @param codes category codes, one per step
     * @param size the vocabulary size
     * @return rows {@code [time][size]} with a 1 at each step's code
     */
    public static double[][] oneHot(int[] codes, int size) {
        double[][] out = new double[codes.length][size];
        for (int t = 0; t < codes.length; t++) {
            out[t][codes[t]] = 1.0;
        }
        return out;
    }

    /** @return the whole series */
    public CategoricalSeries series() {
        return series;
    }

    /**
     * @return the training part's categories as codes of {@link #vocabulary()}, step by step: what
     *         the majority-class, persistence and Markov baselines are fitted on
     */
    public int[] trainCodes() {
        return series.slice(split.train()).encode(vocabulary);
    }

    /** @return the categories, fitted on the training part unless given */
    public Vocabulary vocabulary() {
        return vocabulary;
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

    /** Builder; {@link #window} is required, the split defaults to {@link SplitFractions#DEFAULT}. */
    public static final class Builder extends DatasetBuilder<Builder> {
        private final CategoricalSeries series;
        private Vocabulary vocabulary;

        private Builder(CategoricalSeries series) {
            this.series = series;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Uses this vocabulary (for example a saved model's) instead of fitting one.
         *
         * @param v the vocabulary
         * @return this builder
         */
        public Builder optVocabulary(Vocabulary v) {
            this.vocabulary = v;
            return this;
        }

        /**
         * @return the dataset, split and windowed
         * @throws io.github.rnnkit.data.DataException for an unseen category or a part shorter
         * than one window
         */
        public CategoricalDataset build() {
            return new CategoricalDataset(this);
        }
    }
}
