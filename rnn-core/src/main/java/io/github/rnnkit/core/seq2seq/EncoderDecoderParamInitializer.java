package io.github.rnnkit.core.seq2seq;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of {@link EncoderDecoderLayer} in one flat view, in {@link EncoderDecoderShape#parameters}'
 * order and shapes. Weights start from the layer's weight init (fan-in and fan-out of each matrix),
 * biases at 0.
 */
final class EncoderDecoderParamInitializer implements ParamInitializer {
    static final EncoderDecoderParamInitializer INSTANCE = new EncoderDecoderParamInitializer();

    private EncoderDecoderParamInitializer() {
    }

    private static EncoderDecoderShape shape(Layer layer) {
        return ((EncoderDecoderLayer) layer).shape();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return shape(layer).numParams();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return new ArrayList<>(shape(layer).parameters().keySet());
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return paramKeys(layer).stream().filter(EncoderDecoderShape::isWeight).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return paramKeys(layer).stream().filter(k -> !EncoderDecoderShape.isWeight(k)).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return EncoderDecoderShape.isWeight(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return !EncoderDecoderShape.isWeight(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        EncoderDecoderLayer c = (EncoderDecoderLayer) conf.getLayer();
        Map<String, INDArray> m = views(c, paramsView);
        if (initializeParams) {
            for (Map.Entry<String, INDArray> e : m.entrySet()) {
                long[] s = e.getValue().shape();
                if (EncoderDecoderShape.isWeight(e.getKey())) {
                    c.getWeightInitFn().init(s[0], s[1], s, 'c', e.getValue());
                } else {
                    e.getValue().assign(c.getBiasInit());
                }
            }
        }
        for (String key : m.keySet()) {
            conf.addVariable(key);
        }
        return m;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((EncoderDecoderLayer) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(EncoderDecoderLayer c, INDArray flat) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        INDArray row = flat.reshape(flat.length());
        long at = 0;
        for (Map.Entry<String, long[]> e : c.shape().parameters().entrySet()) {
            long n = e.getValue()[0] * e.getValue()[1];
            m.put(e.getKey(), row.get(NDArrayIndex.interval(at, at + n)).reshape('c', e.getValue()));
            at += n;
        }
        return m;
    }
}
