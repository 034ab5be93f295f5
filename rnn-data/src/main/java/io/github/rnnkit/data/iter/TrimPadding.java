package io.github.rnnkit.data.iter;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Drops masks in which every step is real, and for seq2seq cuts features and labels to their own
 * lengths: {@link org.deeplearning4j.datasets.datavec.SequenceRecordReaderDataSetIterator}
 * pads both to the longer of the two, but a seq2seq network reads L steps and emits H.
 */
final class TrimPadding implements DataSetPreProcessor {
    private final boolean seq2seq;

    TrimPadding(boolean seq2seq) {
        this.seq2seq = seq2seq;
    }

    @Override
    public void preProcess(DataSet ds) {
        if (seq2seq) {
            int first = firstRealStep(ds.getFeaturesMaskArray());
            if (first > 0) {
                ds.setFeatures(lastSteps(ds.getFeatures(), first));
                ds.setFeaturesMaskArray(lastSteps2d(ds.getFeaturesMaskArray(), first));
            }
            int firstLabel = firstRealStep(ds.getLabelsMaskArray());
            if (firstLabel > 0) {
                ds.setLabels(lastSteps(ds.getLabels(), firstLabel));
                ds.setLabelsMaskArray(lastSteps2d(ds.getLabelsMaskArray(), firstLabel));
            }
        }
        if (allOnes(ds.getFeaturesMaskArray())) {
            ds.setFeaturesMaskArray(null);
        }
        if (allOnes(ds.getLabelsMaskArray())) {
            ds.setLabelsMaskArray(null);
        }
    }

    /** The first time step at which any example is real; 0 when there is no mask. */
    private static int firstRealStep(INDArray mask) {
        if (mask == null) {
            return 0;
        }
        INDArray anyReal = mask.max(0);
        long t = 0;
        while (t < anyReal.length() && anyReal.getDouble(t) == 0) {
            t++;
        }
        return (int) t;
    }

    private static INDArray lastSteps(INDArray a, int from) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, a.size(2))).dup();
    }

    private static INDArray lastSteps2d(INDArray mask, int from) {
        return mask.get(NDArrayIndex.all(), NDArrayIndex.interval(from, mask.size(1))).dup();
    }

    private static boolean allOnes(INDArray mask) {
        return mask != null && mask.minNumber().doubleValue() == 1.0;
    }
}
