package io.github.rnnkit.core.net;

import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.List;

/**
 * What a network takes in and gives out, as far as data must agree with it: input features per
 * step, outputs per step, classification or regression, and whether it is a fixed-horizon
 * seq2seq network (whose horizon its windows must have).
 *
 * @param inputSize      features per input step
 * @param outputSize     classes (classification) or values per step (regression)
 * @param task           classification (softmax and cross-entropy) or regression
 * @param seq2seqHorizon the decoder's horizon H for a seq2seq network, else 0
 */
public record NetworkShape(int inputSize, int outputSize, Task task, int seq2seqHorizon) {

    /**
     * @param spec a spec
     * @return the shape a spec describes
     */
    public static NetworkShape of(ModelSpec spec) {
        return new NetworkShape(spec.inputSize(), spec.outputSize(), spec.task(),
                spec.topology() == Topology.SEQ2SEQ ? spec.horizon() : 0);
    }

    /**
     * @param net a network
     * @return the shape of a network, read from its configuration
     */
    public static NetworkShape of(MultiLayerNetwork net) {
        List<NeuralNetConfiguration> confs = net.getLayerWiseConfigurations().getConfs();
        Layer first = confs.get(0).getLayer();
        while (first instanceof BaseWrapperLayer w) {
            first = w.getUnderlying();
        }
        Layer last = confs.get(confs.size() - 1).getLayer();
        int inputSize = first instanceof FeedForwardLayer f ? Math.toIntExact(f.getNIn())
                : first instanceof Bidirectional b ? Math.toIntExact(b.getNIn()) : -1;
        int outputSize = last instanceof FeedForwardLayer f ? Math.toIntExact(f.getNOut()) : -1;
        Task task = last instanceof BaseOutputLayer o && o.getLossFn() instanceof LossMCXENT
                ? Task.CLASSIFICATION : Task.REGRESSION;
        int horizon = 0;
        for (NeuralNetConfiguration c : confs) {
            if (c.getLayer() instanceof RepeatVector r) {
                horizon = r.getN();
            }
        }
        return new NetworkShape(inputSize, outputSize, task, horizon);
    }
}
