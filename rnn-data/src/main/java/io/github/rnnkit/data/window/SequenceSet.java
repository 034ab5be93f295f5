package io.github.rnnkit.data.window;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.iter.SequenceIterators;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A set of sequence examples of one kind, ready for DL4J: all samples have the same number of
 * features and target columns; their lengths may differ (then the iterator pads and masks).
 *
 * <p>A classification set has one target column holding class indices in
 * {@code [0, classCount)}; the iterator one-hot encodes them. A regression set has
 * {@code targetCount} real-valued target columns.
 */
public final class SequenceSet {
    private final List<SequenceSample> samples;
    private final int featureCount;
    private final int targetCount;
    private final boolean classification;
    private final Topology topology;

    private SequenceSet(List<SequenceSample> samples, int featureCount, int targetCount, boolean classification,
                        Topology topology) {
        this.samples = List.copyOf(samples);
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.classification = classification;
        this.topology = topology;
        for (int i = 0; i < this.samples.size(); i++) {
            check(i, this.samples.get(i));
        }
    }

    /**
     * A classification set: targets hold class indices in {@code [0, classCount)}.
     *
     * @param samples the samples
     * @param featureCount input features per step
     * @param classCount the number of classes
     * @param topology how inputs map to targets
     * @return the set
     */
    public static SequenceSet classification(List<SequenceSample> samples, int featureCount, int classCount,
                                             Topology topology) {
        return new SequenceSet(samples, featureCount, classCount, true, topology);
    }

    /**
     * A regression set with {@code targetCount} target values per target step.
     *
     * @param samples the samples
     * @param featureCount input features per step
     * @param targetCount target values per target step
     * @param topology how inputs map to targets
     * @return the set
     */
    public static SequenceSet regression(List<SequenceSample> samples, int featureCount, int targetCount,
                                         Topology topology) {
        return new SequenceSet(samples, featureCount, targetCount, false, topology);
    }

    private void check(int i, SequenceSample s) {
        for (double[] row : s.features()) {
            if (row.length != featureCount) {
                throw new IllegalArgumentException("sample " + i + " has " + row.length + " features, expected " + featureCount);
            }
        }
        for (double[] row : s.targets()) {
            if (row.length != (classification ? 1 : targetCount)) {
                throw new IllegalArgumentException("sample " + i + " has " + row.length + " target columns, expected "
                        + (classification ? 1 : targetCount));
            }
            if (classification && (row[0] < 0 || row[0] >= targetCount || row[0] != Math.rint(row[0]))) {
                throw new IllegalArgumentException("sample " + i + " has class " + row[0] + ", expected 0.." + (targetCount - 1));
            }
        }
        if (topology == Topology.MANY_TO_ONE && s.targetLength() != 1) {
            throw new IllegalArgumentException("many-to-one sample " + i + " has " + s.targetLength() + " target steps");
        }
        if (topology == Topology.SEQ2SEQ && i > 0 && (s.length() != samples.get(0).length()
                || s.targetLength() != samples.get(0).targetLength())) {
            throw new IllegalArgumentException("seq2seq sample " + i + " has " + s.length() + " inputs and "
                    + s.targetLength() + " targets; every seq2seq sample needs the same lengths");
        }
        if (topology == Topology.MANY_TO_MANY && s.targetLength() != s.length()) {
            throw new IllegalArgumentException("many-to-many sample " + i + " has " + s.length() + " inputs but "
                    + s.targetLength() + " targets");
        }
    }

    /** @return the samples in order */
    public List<SequenceSample> samples() {
        return samples;
    }

    /** @return number of samples */
    public int size() {
        return samples.size();
    }

    /** @return true when there are no samples */
    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /**
     * @param i 0-based index
     * @return sample {@code i}
     */
    public SequenceSample get(int i) {
        return samples.get(i);
    }

    /** @return input features per step */
    public int featureCount() {
        return featureCount;
    }

    /** @return number of classes (classification) or target values per step (regression) */
    public int targetCount() {
        return targetCount;
    }

    /** @return true for a classification set */
    public boolean isClassification() {
        return classification;
    }

    /** @return how inputs map to targets */
    public Topology topology() {
        return topology;
    }

    /**
     * @param seed the shuffle's seed
     * @return the same samples in a random order drawn from {@code seed}
     */
    public SequenceSet shuffled(long seed) {
        List<SequenceSample> copy = new ArrayList<>(samples);
        Collections.shuffle(copy, new Random(seed));
        return new SequenceSet(copy, featureCount, targetCount, classification, topology);
    }

    /**
     * @param from first sample, inclusive
     * @param to last sample, exclusive
     * @return samples {@code [from, to)} as a set of their own
     */
    public SequenceSet subset(int from, int to) {
        return new SequenceSet(samples.subList(from, to), featureCount, targetCount, classification, topology);
    }

    /**
     * @param batchSize samples per minibatch
     * @return a DataVec-backed iterator over minibatches; see {@link SequenceIterators} for the layout
     */
    public DataSetIterator iterator(int batchSize) {
        return SequenceIterators.of(this, batchSize);
    }

    /** @return every sample in one {@link DataSet} (full-batch training) */
    public DataSet toDataSet() {
        return SequenceIterators.of(this, Math.max(1, samples.size())).next();
    }
}
