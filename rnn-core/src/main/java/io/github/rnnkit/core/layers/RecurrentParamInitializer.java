package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of {@link RecurrentLayerConf} layers, laid out in one flat view as
 * {@code W [nIn, G*H]}, {@code RW [H, G*H]}, {@code b [1, G*H]} and, for GRU,
 * {@code bhn [1, H]}, each in row-major order. Biases start at zero except the LSTM forget gate.
 */
public final class RecurrentParamInitializer implements ParamInitializer {
    /** Input weights {@code [nIn, G*H]}. */
    public static final String INPUT_WEIGHTS = "W";
    /** Recurrent weights {@code [H, G*H]}. */
    public static final String RECURRENT_WEIGHTS = "RW";
    /** Bias {@code [1, G*H]}. */
    public static final String BIAS = "b";
    /** GRU only: the n gate's recurrent bias {@code [1, H]}. */
    public static final String GRU_RECURRENT_BIAS = "bhn";

    private static final RecurrentParamInitializer INSTANCE = new RecurrentParamInitializer();

    private RecurrentParamInitializer() {
    }

    /**
     * @return the shared instance
     */
    public static RecurrentParamInitializer getInstance() {
        return INSTANCE;
    }

    private static RecurrentLayerConf conf(Layer layer) {
        return (RecurrentLayerConf) layer;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        RecurrentLayerConf c = conf(layer);
        long h = c.getNOut();
        long gh = c.cellType().gates() * h;
        return c.getNIn() * gh + h * gh + gh + (c.cellType() == CellType.GRU ? h : 0);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        List<String> keys = new ArrayList<>(weightKeys(layer));
        keys.addAll(biasKeys(layer));
        return keys;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return conf(layer).cellType() == CellType.GRU ? List.of(BIAS, GRU_RECURRENT_BIAS) : List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key) || GRU_RECURRENT_BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        RecurrentLayerConf c = conf(conf.getLayer());
        Map<String, INDArray> m = views(c, paramsView);
        if (initializeParams) {
            long nIn = c.getNIn();
            long h = c.getNOut();
            long gh = c.cellType().gates() * h;
            c.getWeightInitFn().init(nIn, h, new long[]{nIn, gh}, 'c', m.get(INPUT_WEIGHTS));
            IWeightInit recurrent = c.getWeightInitFnRecurrent() != null ? c.getWeightInitFnRecurrent() : c.getWeightInitFn();
            recurrent.init(h, h, new long[]{h, gh}, 'c', m.get(RECURRENT_WEIGHTS));
            m.get(BIAS).assign(c.getBiasInit());
            if (c instanceof LstmLayer lstm) {
                m.get(BIAS).get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)).assign(lstm.getForgetGateBias());
            }
            if (m.containsKey(GRU_RECURRENT_BIAS)) {
                m.get(GRU_RECURRENT_BIAS).assign(c.getBiasInit());
            }
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

    private static Map<String, INDArray> views(RecurrentLayerConf c, INDArray flat) {
        long nIn = c.getNIn();
        long h = c.getNOut();
        long gh = c.cellType().gates() * h;
        INDArray v = flat.reshape(flat.length());
        Map<String, INDArray> m = new LinkedHashMap<>();
        long pos = 0;
        m.put(INPUT_WEIGHTS, v.get(NDArrayIndex.interval(pos, pos + nIn * gh)).reshape('c', nIn, gh));
        pos += nIn * gh;
        m.put(RECURRENT_WEIGHTS, v.get(NDArrayIndex.interval(pos, pos + h * gh)).reshape('c', h, gh));
        pos += h * gh;
        m.put(BIAS, v.get(NDArrayIndex.interval(pos, pos + gh)).reshape('c', 1, gh));
        pos += gh;
        if (c.cellType() == CellType.GRU) {
            m.put(GRU_RECURRENT_BIAS, v.get(NDArrayIndex.interval(pos, pos + h)).reshape('c', 1, h));
        }
        return m;
    }
}
