package io.github.rnnkit.data.iter;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The arrays DL4J receives: NCW shapes, one-hot labels, masks exactly where steps are padding. */
class SequenceIteratorsTest {

    private static SequenceSample sample(double[] x, double[] y, int i) {
        double[][] f = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            f[t] = new double[]{x[t], -x[t]};
        }
        double[][] l = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            l[t] = new double[]{y[t]};
        }
        return new SequenceSample(f, l, i);
    }

    @Test
    void manyToOneClassificationPutsTheOneHotLabelOnTheLastStep() {
        SequenceSet set = SequenceSet.classification(List.of(
                sample(new double[]{1, 2, 3}, new double[]{2}, 0),
                sample(new double[]{4, 5, 6}, new double[]{0}, 1),
                sample(new double[]{7, 8, 9}, new double[]{1}, 2)), 2, 3, Topology.MANY_TO_ONE);
        DataSetIterator it = set.iterator(2);
        DataSet a = it.next();
        assertArrayEquals(new long[]{2, 2, 3}, a.getFeatures().shape());
        assertArrayEquals(new long[]{2, 3, 3}, a.getLabels().shape());
        assertArrayEquals(new double[]{1, 2, 3}, series(a.getFeatures(), 0, 0));
        assertArrayEquals(new double[]{-4, -5, -6}, series(a.getFeatures(), 1, 1));
        assertNull(a.getFeaturesMaskArray(), "all inputs are real");
        assertArrayEquals(new double[][]{{0, 0, 1}, {0, 0, 1}}, a.getLabelsMaskArray().toDoubleMatrix());
        assertArrayEquals(new double[]{0, 0, 1}, a.getLabels().get(NDArrayIndex.point(0), NDArrayIndex.all(),
                NDArrayIndex.point(2)).toDoubleVector(), "class 2");
        assertArrayEquals(new double[]{1, 0, 0}, a.getLabels().get(NDArrayIndex.point(1), NDArrayIndex.all(),
                NDArrayIndex.point(2)).toDoubleVector(), "class 0");
        DataSet b = it.next();
        assertEquals(1, b.numExamples());
        assertArrayEquals(new double[]{7, 8, 9}, series(b.getFeatures(), 0, 0));
        assertFalse(it.hasNext());
        it.reset();
        assertEquals(2, it.next().numExamples());
    }

    /** Values of example {@code i}, feature {@code f} over time. */
    private static double[] series(INDArray a, int i, int f) {
        return a.get(NDArrayIndex.point(i), NDArrayIndex.point(f), NDArrayIndex.all()).toDoubleVector();
    }

    @Test
    void manyToOneOfDifferentLengthsLabelsEachOnItsLastRealStep() {
        SequenceSet set = SequenceSet.regression(List.of(
                sample(new double[]{1, 2, 3}, new double[]{0.5}, 0),
                sample(new double[]{4}, new double[]{0.25}, 1)), 2, 1, Topology.MANY_TO_ONE);
        DataSet d = set.toDataSet();
        assertArrayEquals(new double[][]{{1, 1, 1}, {1, 0, 0}}, d.getFeaturesMaskArray().toDoubleMatrix());
        assertArrayEquals(new double[]{4, 0, 0}, series(d.getFeatures(), 1, 0));
        assertArrayEquals(new double[][]{{0, 0, 1}, {1, 0, 0}}, d.getLabelsMaskArray().toDoubleMatrix());
        assertEquals(0.5, d.getLabels().getDouble(0, 0, 2), 1e-7);
        assertEquals(0.25, d.getLabels().getDouble(1, 0, 0), 1e-7);
    }

    @Test
    void manyToManyOfDifferentLengthsIsPaddedAtTheEndWithMasks() {
        SequenceSet set = SequenceSet.regression(List.of(
                sample(new double[]{1, 2, 3}, new double[]{2, 3, 4}, 0),
                sample(new double[]{5, 6}, new double[]{6, 7}, 1)), 2, 1, Topology.MANY_TO_MANY);
        DataSet d = set.toDataSet();
        assertArrayEquals(new long[]{2, 1, 3}, d.getLabels().shape());
        assertArrayEquals(new double[][]{{1, 1, 1}, {1, 1, 0}}, d.getFeaturesMaskArray().toDoubleMatrix());
        assertArrayEquals(new double[][]{{1, 1, 1}, {1, 1, 0}}, d.getLabelsMaskArray().toDoubleMatrix());
        assertArrayEquals(new double[]{6, 7, 0}, series(d.getLabels(), 1, 0), 1e-7);
    }

    @Test
    void manyToManyOfEqualLengthsHasNoMasks() {
        SequenceSet set = SequenceSet.regression(List.of(
                sample(new double[]{1, 2}, new double[]{2, 3}, 0),
                sample(new double[]{5, 6}, new double[]{6, 7}, 1)), 2, 1, Topology.MANY_TO_MANY);
        DataSet d = set.toDataSet();
        assertNull(d.getFeaturesMaskArray());
        assertNull(d.getLabelsMaskArray());
    }

    @Test
    void seq2seqKeepsInputAndHorizonLengths() {
        SequenceSet longIn = SequenceSet.regression(List.of(
                sample(new double[]{1, 2, 3, 4}, new double[]{5, 6}, 0),
                sample(new double[]{2, 3, 4, 5}, new double[]{6, 7}, 1)), 2, 1, Topology.SEQ2SEQ);
        DataSet d = longIn.toDataSet();
        assertArrayEquals(new long[]{2, 2, 4}, d.getFeatures().shape());
        assertArrayEquals(new long[]{2, 1, 2}, d.getLabels().shape());
        assertArrayEquals(new double[]{6, 7}, series(d.getLabels(), 1, 0), 1e-7);
        assertNull(d.getFeaturesMaskArray());
        assertNull(d.getLabelsMaskArray());

        SequenceSet longOut = SequenceSet.regression(List.of(
                sample(new double[]{1, 2}, new double[]{3, 4, 5}, 0)), 2, 1, Topology.SEQ2SEQ);
        DataSet e = longOut.toDataSet();
        assertArrayEquals(new long[]{1, 2, 2}, e.getFeatures().shape());
        assertArrayEquals(new double[]{1, 2}, series(e.getFeatures(), 0, 0), 1e-7);
        assertArrayEquals(new long[]{1, 1, 3}, e.getLabels().shape());
        assertNull(e.getFeaturesMaskArray());
    }

    /** A random set of {@code n} samples: inputs of {@code l} steps, targets of {@code h}. */
    private static SequenceSet randomSet(Topology topology, boolean classes, int n, int l, int h, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<SequenceSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[][] f = new double[l][3];
            for (double[] row : f) {
                for (int k = 0; k < 3; k++) {
                    row[k] = r.nextGaussian();
                }
            }
            double[][] y = new double[h][classes ? 1 : 2];
            for (double[] row : y) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = classes ? r.nextInt(4) : r.nextGaussian();
                }
            }
            samples.add(new SequenceSample(f, y, i));
        }
        return classes ? SequenceSet.classification(samples, 3, 4, topology) : SequenceSet.regression(samples, 3, 2, topology);
    }

    /** The direct route gives DataVec's arrays, masks included, for every topology and batch split. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} classes={1} L={2} H={3} batch={4}")
    @org.junit.jupiter.params.provider.CsvSource({
            "MANY_TO_ONE, true, 7, 1, 4", "MANY_TO_ONE, false, 7, 1, 3", "MANY_TO_ONE, true, 1, 1, 2",
            "MANY_TO_MANY, true, 5, 5, 4", "MANY_TO_MANY, false, 5, 5, 10",
            "SEQ2SEQ, false, 6, 3, 4", "SEQ2SEQ, false, 2, 5, 3", "SEQ2SEQ, true, 4, 4, 5",
    })
    void directIteratorEqualsTheDataVecRoute(Topology topology, boolean classes, int l, int h, int batch) {
        SequenceSet set = randomSet(topology, classes, 11, l, h, l * 31L + h);
        DataSetIterator direct = SequenceIterators.of(set, batch);
        assertEquals(DirectSequenceIterator.class, direct.getClass());
        DataSetIterator datavec = SequenceIterators.viaDataVec(set, batch);
        int batches = 0;
        while (datavec.hasNext()) {
            DataSet want = datavec.next();
            DataSet got = direct.next();
            assertEquals(want.getFeatures(), got.getFeatures());
            assertEquals(want.getLabels(), got.getLabels());
            assertEquals(want.getFeaturesMaskArray(), got.getFeaturesMaskArray());
            assertEquals(want.getLabelsMaskArray(), got.getLabelsMaskArray());
            batches++;
        }
        assertFalse(direct.hasNext());
        assertEquals((11 + batch - 1) / batch, batches);
    }
}
