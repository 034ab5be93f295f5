package io.github.rnnkit.core.eval;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.window.SequenceSample;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

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
        double[][][] out = new double[set.size()][][];
        for (int from = 0; from < set.size(); from += CHUNK) {
            int to = Math.min(set.size(), from + CHUNK);
            DataSet ds = set.subset(from, to).toDataSet();
            INDArray y = net.output(ds.getFeatures(), false, ds.getFeaturesMaskArray(), ds.getLabelsMaskArray());
            for (int i = from; i < to; i++) {
                SequenceSample s = set.get(i);
                int r = i - from;
                if (set.topology() == Topology.SEQ2SEQ) {
                    out[i] = new double[(int) y.size(2)][];
                    for (int h = 0; h < y.size(2); h++) {
                        out[i][h] = column(y, r, h);
                    }
                } else {
                    out[i] = new double[][]{column(y, r, s.length() - 1)};
                }
            }
        }
        return out;
    }

    private static double[] column(INDArray y, int example, int step) {
        double[] v = new double[(int) y.size(1)];
        for (int k = 0; k < v.length; k++) {
            v[k] = y.getDouble(example, k, step);
        }
        return v;
    }
}
