package io.github.rnnkit.core.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of {@link MinRnnLayer}, laid out in one flat view as {@code W [nIn, G*H]} then
 * {@code b [1, G*H]}, each row-major, with the projection blocks in the order z, h̃ (minGRU) or
 * f, i, h̃ (minLSTM). The keys are {@link RecurrentParamInitializer}'s, so that tools reading input
 * weights and biases read both kinds of layer alike. Biases start at the layer's bias init (0).
 */
public final class MinRnnParamInitializer implements ParamInitializer {
    private static final MinRnnParamInitializer INSTANCE = new MinRnnParamInitializer();

    private MinRnnParamInitializer() {
    }

    /** @return the shared instance */
    public static MinRnnParamInitializer getInstance() {
        return INSTANCE;
    }

    private static MinRnnLayer conf(Layer layer) {
        return (MinRnnLayer) layer;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        MinRnnLayer c = conf(layer);
        long gh = (long) c.getCell().gates() * c.getNOut();
        return c.getNIn() * gh + gh;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(RecurrentParamInitializer.INPUT_WEIGHTS, RecurrentParamInitializer.BIAS);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(RecurrentParamInitializer.INPUT_WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(RecurrentParamInitializer.BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return RecurrentParamInitializer.INPUT_WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return RecurrentParamInitializer.BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        MinRnnLayer c = conf(conf.getLayer());
        Map<String, INDArray> m = views(c, paramsView);
        if (initializeParams) {
            long nIn = c.getNIn();
            long h = c.getNOut();
            c.getWeightInitFn().init(nIn, h, new long[]{nIn, c.getCell().gates() * h}, 'c',
                    m.get(RecurrentParamInitializer.INPUT_WEIGHTS));
            m.get(RecurrentParamInitializer.BIAS).assign(c.getBiasInit());
        }
        for (String key : m.keySet()) {
            conf.addVariable(key);
        }
        return m;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf(conf.getLayer()), gradientView);
    }

    private static Map<String, INDArray> views(MinRnnLayer c, INDArray flat) {
        long nIn = c.getNIn();
        long gh = (long) c.getCell().gates() * c.getNOut();
        INDArray v = flat.reshape(flat.length());
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(RecurrentParamInitializer.INPUT_WEIGHTS, v.get(NDArrayIndex.interval(0, nIn * gh)).reshape('c', nIn, gh));
        m.put(RecurrentParamInitializer.BIAS, v.get(NDArrayIndex.interval(nIn * gh, nIn * gh + gh)).reshape('c', 1, gh));
        return m;
    }
}
