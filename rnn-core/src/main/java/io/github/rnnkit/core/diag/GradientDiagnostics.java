package io.github.rnnkit.core.diag;

import io.github.rnnkit.core.layers.RecurrentRuntimeLayer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the gradient goes in time, for any trained or untrained network, without changing it:
 * ‖∂L/∂x_t‖ from {@code MultiLayerNetwork.calculateGradients} and ‖∂L/∂h_t‖ of every rnnkit
 * recurrent layer, each averaged over the examples of a minibatch. (DL4J's gradients are sums
 * over the minibatch; the shape over time, which is what these show, does not depend on that.)
 */
public final class GradientDiagnostics {
    private GradientDiagnostics() {
    }

    /**
     * @param net the network (its parameters are not changed)
     * @param data a minibatch with labels
     * @return mean ‖∂L/∂x_t‖ per input step
     */
    public static StepGradientNorms inputGradientNorms(MultiLayerNetwork net, DataSet data) {
        INDArray eps = net.calculateGradients(data.getFeatures(), data.getLabels(), data.getFeaturesMaskArray(),
                data.getLabelsMaskArray()).getSecond();
        long mb = eps.size(0);
        long steps = eps.size(2);
        double[] out = new double[(int) steps];
        for (int t = 0; t < steps; t++) {
            double sum = 0;
            for (int i = 0; i < mb; i++) {
                double sq = 0;
                for (int k = 0; k < eps.size(1); k++) {
                    double v = eps.getDouble(i, k, t);
                    sq += v * v;
                }
                sum += Math.sqrt(sq);
            }
            out[t] = sum / mb;
        }
        return new StepGradientNorms(out);
    }

    /**
     * @param net the network (its parameters are not changed)
     * @param data a minibatch with labels
     * @return per rnnkit recurrent layer (by layer index), mean ‖∂L/∂h_t‖ per step
     */
    public static Map<Integer, StepGradientNorms> stateGradientNorms(MultiLayerNetwork net, DataSet data) {
        Layer[] layers = net.getLayers();
        try {
            for (Layer l : layers) {
                if (l instanceof RecurrentRuntimeLayer r) {
                    r.setRecordStateGradients(true);
                }
            }
            net.calculateGradients(data.getFeatures(), data.getLabels(), data.getFeaturesMaskArray(),
                    data.getLabelsMaskArray());
            Map<Integer, StepGradientNorms> out = new LinkedHashMap<>();
            for (int i = 0; i < layers.length; i++) {
                if (layers[i] instanceof RecurrentRuntimeLayer r && r.stateGradientNorms() != null) {
                    out.put(i, new StepGradientNorms(r.stateGradientNorms()));
                }
            }
            return out;
        } finally {
            for (Layer l : layers) {
                if (l instanceof RecurrentRuntimeLayer r) {
                    r.setRecordStateGradients(false);
                }
            }
        }
    }
}
