package io.github.rnnkit.data.iter;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The minibatches {@link SequenceIterators#viaDataVec} gives for a set whose samples all have
 * one input length and one target length (every set rnnkit's windowing and tasks make), filled
 * straight from the samples into float arrays: no DataVec writables per value, no padding to
 * trim. A training epoch over small windows spent a quarter of its time in the DataVec route.
 * The arrays are equal to DataVec's ({@code SequenceIteratorsTest} checks every topology):
 * <ul>
 *   <li>many-to-one: features {@code [B, F, L]}; labels {@code [B, K, L]} with the target (one-hot
 *       for classes) on step L − 1 and a label mask {@code [B, L]} that is 1 there only (no mask
 *       when L = 1);</li>
 *   <li>many-to-many: features {@code [B, F, L]}, labels {@code [B, K, L]}, no masks;</li>
 *   <li>seq2seq: features {@code [B, F, L]}, labels {@code [B, K, H]}, no masks.</li>
 * </ul>
 */
final class DirectSequenceIterator implements DataSetIterator {
    private final List<SequenceSample> samples;
    private final int batch;
    private final int features;
    private final int targets;
    private final boolean classification;
    private final Topology topology;
    private final int inputLength;
    private final int targetLength;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    DirectSequenceIterator(SequenceSet set, int batch) {
        this.samples = set.samples();
        this.batch = batch;
        this.features = set.featureCount();
        this.targets = set.targetCount();
        this.classification = set.isClassification();
        this.topology = set.topology();
        this.inputLength = samples.get(0).features().length;
        this.targetLength = samples.get(0).targets().length;
    }

    /** @return true when every sample has the first one's input and target lengths */
    static boolean uniform(SequenceSet set) {
        int l = set.get(0).features().length;
        int h = set.get(0).targets().length;
        for (SequenceSample s : set.samples()) {
            if (s.features().length != l || s.targets().length != h) {
                return false;
            }
        }
        // many-to-one targets are one step; many-to-many targets are one per input step
        return set.topology() == Topology.MANY_TO_ONE ? h == 1
                : set.topology() != Topology.MANY_TO_MANY || h == l;
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int from = cursor;
        int to = Math.min(samples.size(), from + num);
        cursor = to;
        int b = to - from;
        int l = inputLength;
        float[] x = new float[b * features * l];
        for (int i = 0; i < b; i++) {
            double[][] f = samples.get(from + i).features();
            for (int t = 0; t < l; t++) {
                double[] row = f[t];
                for (int k = 0; k < features; k++) {
                    x[(i * features + k) * l + t] = (float) row[k];
                }
            }
        }
        boolean manyToOne = topology == Topology.MANY_TO_ONE;
        int labelSteps = manyToOne ? l : targetLength;
        int offset = manyToOne ? l - 1 : 0;
        float[] y = new float[b * targets * labelSteps];
        for (int i = 0; i < b; i++) {
            double[][] g = samples.get(from + i).targets();
            for (int t = 0; t < targetLength; t++) {
                int step = offset + t;
                if (classification) {
                    y[(i * targets + (int) g[t][0]) * labelSteps + step] = 1f;
                } else {
                    for (int k = 0; k < targets; k++) {
                        y[(i * targets + k) * labelSteps + step] = (float) g[t][k];
                    }
                }
            }
        }
        INDArray labelMask = null;
        if (manyToOne && l > 1) {
            float[] m = new float[b * l];
            for (int i = 0; i < b; i++) {
                m[i * l + l - 1] = 1f;
            }
            labelMask = Nd4j.create(m, new long[]{b, l}, DataType.FLOAT);
        }
        DataSet ds = new DataSet(Nd4j.create(x, new long[]{b, features, l}, DataType.FLOAT),
                Nd4j.create(y, new long[]{b, targets, labelSteps}, DataType.FLOAT), null, labelMask);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public boolean hasNext() {
        return cursor < samples.size();
    }

    @Override
    public int inputColumns() {
        return features;
    }

    @Override
    public int totalOutcomes() {
        return targets;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor = 0;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor p) {
        this.preProcessor = p;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
