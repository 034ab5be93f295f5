package io.github.rnnkit.data.iter;

import io.github.rnnkit.data.runtime.NativeRuntime;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.datavec.api.records.reader.impl.collection.CollectionSequenceRecordReader;
import org.datavec.api.writable.DoubleWritable;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.Writable;
import org.deeplearning4j.datasets.datavec.SequenceRecordReaderDataSetIterator;
import org.deeplearning4j.datasets.datavec.SequenceRecordReaderDataSetIterator.AlignmentMode;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SequenceSet} into the {@link DataSetIterator} DL4J trains on: two DataVec
 * {@link CollectionSequenceRecordReader}s (features, labels) read by DL4J's
 * {@link SequenceRecordReaderDataSetIterator}.
 *
 * <p>Arrays are NCW: features {@code [miniBatch, features, time]}, labels
 * {@code [miniBatch, classes or targets, time]}; classification labels are one-hot.
 * <ul>
 *   <li>many-to-one: labels span the input length and each example's label sits on its own
 *       last real step (label mask {@code [miniBatch, time]} is 1 there and 0 elsewhere).
 *       Shorter examples start at step 0 and are padded at the end (feature mask 0 there), so no
 *       padding runs through a recurrent state before the real steps.</li>
 *   <li>many-to-many: labels have the inputs' length; shorter examples are padded at the end,
 *       with feature and label masks.</li>
 *   <li>seq2seq: labels have the horizon's length H, features their own length L (every sample
 *       of a seq2seq set has the same L and H).</li>
 * </ul>
 * Masks are left out (null) where every step is real.
 */
public final class SequenceIterators {
    static {
        // Before ND4J loads its native libraries: see NativeRuntime.
        NativeRuntime.configure();
    }

    private SequenceIterators() {
    }

    /**
     * @param set the windows, not empty
     * @param batchSize windows per minibatch, at least 1
     * @return an iterator over minibatches of {@code batchSize} samples, in the set's order: the
     *         arrays of {@link #viaDataVec}, filled directly when every sample has the same
     *         lengths (as windows do), else through DataVec
     */
    public static DataSetIterator of(SequenceSet set, int batchSize) {
        check(set, batchSize);
        return DirectSequenceIterator.uniform(set) ? new DirectSequenceIterator(set, batchSize) : viaDataVec(set, batchSize);
    }

    private static void check(SequenceSet set, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("cannot iterate over an empty set of sequences");
        }
    }

    /**
     * The DataVec route for any set, samples of different lengths included.
     *
     * @param set the windows, not empty
     * @param batchSize windows per minibatch, at least 1
     * @return an iterator over minibatches of {@code batchSize} samples, in the set's order
     */
    public static DataSetIterator viaDataVec(SequenceSet set, int batchSize) {
        check(set, batchSize);
        List<List<List<Writable>>> features = new ArrayList<>(set.size());
        List<List<List<Writable>>> labels = new ArrayList<>(set.size());
        for (SequenceSample s : set.samples()) {
            features.add(steps(s.features(), false));
            labels.add(steps(s.targets(), set.isClassification()));
        }
        AlignmentMode mode = set.topology() == Topology.MANY_TO_MANY ? AlignmentMode.ALIGN_START : AlignmentMode.ALIGN_END;
        SequenceRecordReaderDataSetIterator it = new SequenceRecordReaderDataSetIterator(
                new CollectionSequenceRecordReader(features), new CollectionSequenceRecordReader(labels),
                batchSize, set.isClassification() ? set.targetCount() : -1, !set.isClassification(), mode);
        it.setPreProcessor(new TrimPadding(set.topology() == Topology.SEQ2SEQ));
        return it;
    }

    private static List<List<Writable>> steps(double[][] rows, boolean classIndex) {
        List<List<Writable>> out = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            List<Writable> step = new ArrayList<>(row.length);
            for (double v : row) {
                step.add(classIndex ? new IntWritable((int) v) : new DoubleWritable(v));
            }
            out.add(step);
        }
        return out;
    }
}
