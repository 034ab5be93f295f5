package io.github.rnnkit.core.eval;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's forecasts for each window of a set: the outputs at the steps that forecast the
 * future. Many-to-one and many-to-many: the output at the window's last real step (the next
 * value); seq2seq: the H decoder outputs.
 */
public final class ModelOutputs {
    private static final int CHUNK = 256;

    private ModelOutputs() {
    }

    /**
     * @param net a trained network
     * @param set the windows to forecast
     * @return outputs {@code [window][horizon step][output]}
     */
    public static double[][][] forecasts(MultiLayerNetwork net, SequenceSet set) {
        return forecasts(net, set, chunks(set));
    }

    /**
     * @param set a set of windows
     * @return its minibatches of 256 windows, in order, to reuse across calls of
     *         {@link #forecasts(MultiLayerNetwork, SequenceSet, List)} (e.g. one per epoch)
     */
    public static List<DataSet> chunks(SequenceSet set) {
        List<DataSet> out = new ArrayList<>();
        if (!set.isEmpty()) {
            set.iterator(CHUNK).forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * As {@link #forecasts(MultiLayerNetwork, SequenceSet)}, over minibatches already made by
     * {@link #chunks(SequenceSet)}.
     *
     * @param net    the network
     * @param set    the windows
     * @param chunks {@code chunks(set)}
     * @return the forecasts, {@code [window][step][output]}
     */
    public static double[][][] forecasts(MultiLayerNetwork net, SequenceSet set, List<DataSet> chunks) {
        double[][][] out = new double[set.size()][][];
        int from = 0;
        for (DataSet ds : chunks) {
            INDArray y = net.output(ds.getFeatures(), false, ds.getFeaturesMaskArray(), ds.getLabelsMaskArray());
            // one copy to the heap instead of a native read per value
            long[] shape = y.shape();
            int outputs = (int) shape[1];
            int steps = (int) shape[2];
            float[] v = y.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
            int to = from + (int) shape[0];
            for (int i = from; i < to; i++) {
                SequenceSample s = set.get(i);
                int r = i - from;
                if (set.topology() == Topology.SEQ2SEQ) {
                    out[i] = new double[steps][];
                    for (int h = 0; h < steps; h++) {
                        out[i][h] = column(v, outputs, steps, r, h);
                    }
                } else {
                    out[i] = new double[][]{column(v, outputs, steps, r, s.length() - 1)};
                }
            }
            from = to;
        }
        return out;
    }

    private static double[] column(float[] y, int outputs, int steps, int example, int step) {
        double[] v = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            v[k] = y[(example * outputs + k) * steps + step];
        }
        return v;
    }
}
