package io.github.rnnkit.core.net;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, for every TBPTT segment of a {@code fit}, the parameters, the gradient of the
 * score (DL4J's raw gradient is summed over the minibatch, its score averaged: the recorder
 * divides by the minibatch size, as DL4J's updater does), the segment's data and the recurrent
 * state it started from.
 */
final class SegmentRecorder extends BaseTrainingListener {
    /**
     * @param params    parameters the gradient was computed at
     * @param gradient  the gradient of the segment's score
     * @param features  the segment's features
     * @param labels    the segment's labels
     * @param labelMask the segment's label mask, or null
     * @param start     per layer index, the state the segment started from (empty: zeros)
     */
    record Segment(INDArray params, INDArray gradient, INDArray features, INDArray labels, INDArray labelMask,
                   Map<Integer, Map<String, INDArray>> start) {
    }

    final List<Segment> segments = new ArrayList<>();
    private final INDArray labelMask;
    private final int k1;
    private Map<Integer, Map<String, INDArray>> carried = new HashMap<>();

    /**
     * @param labelMask the whole sequence's label mask {@code [mb, T]} (the output layer keeps
     *                  only a reshaped copy), or null
     * @param k1        the TBPTT forward length, to slice it per segment
     */
    SegmentRecorder(INDArray labelMask, int k1) {
        this.labelMask = labelMask;
        this.k1 = k1;
    }

    @Override
    public void onGradientCalculation(Model model) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        long from = (long) segments.size() * k1;
        long to = from + net.getInput().size(2);
        INDArray mask = labelMask == null ? null
                : labelMask.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup();
        segments.add(new Segment(net.params().dup(), net.gradient().gradient().div(net.getInput().size(0)),
                net.getInput().dup(), net.getLabels().dup(), mask, carried));
        carried = states(net);
    }

    static Map<Integer, Map<String, INDArray>> states(MultiLayerNetwork net) {
        Map<Integer, Map<String, INDArray>> out = new HashMap<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof RecurrentLayer r) {
                Map<String, INDArray> copy = new HashMap<>();
                r.rnnGetTBPTTState().forEach((k, v) -> copy.put(k, v.dup()));
                out.put(i, copy);
            }
        }
        return out;
    }
}
