package io.github.rnnkit.core.torch;

import io.github.rnnkit.core.layers.RecurrentLayerConf;
import io.github.rnnkit.core.layers.RecurrentParamInitializer;
import io.github.rnnkit.core.layers.RecurrentRuntimeLayer;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchanges recurrent weights with PyTorch's {@code torch.nn.RNN}, {@code torch.nn.LSTM} and
 * {@code torch.nn.GRU} (unidirectional, any number of layers) through their {@code state_dict}
 * saved as {@code .npz} under PyTorch's names:
 * <pre>
 *   np.savez("gru.npz", **{k: v.numpy() for k, v in module.state_dict().items()})
 * </pre>
 * Layer l of the dict ({@code weight_ih_l<l>}, {@code weight_hh_l<l>}, {@code bias_ih_l<l>},
 * {@code bias_hh_l<l>}) maps onto the l-th rnnkit recurrent layer: {@code W = weight_ihᵀ},
 * {@code RW = weight_hhᵀ}, {@code b = bias_ih + bias_hh} (for GRU's n gate {@code b_n = b_in} and
 * {@code bhn = b_hn}). Gate orders are PyTorch's already. Exported dicts put the whole bias in
 * {@code bias_ih} and zeros in {@code bias_hh} (GRU: {@code b_hn} in {@code bias_hh}), which gives
 * PyTorch the same hidden states.
 */
public final class TorchWeights {
    private static final Pattern KEY = Pattern.compile("(weight_ih|weight_hh|bias_ih|bias_hh)_l(\\d+)");

    private TorchWeights() {
    }

    /**
     * Builds a network whose output is the top layer's hidden state at every step: the recurrent
     * stack of the dict, then an identity output layer ({@code W = I}, {@code b = 0}) so that the
     * network is a many-to-many regressor that can be trained further.
     *
     * @param source names the dict in errors (e.g. its file)
     * @param stateDict the state dict
     * @param cell the cell the dict is of
     * @param activation the vanilla RNN's nonlinearity
     * @param inputSize input features per step
     * @param hidden hidden units per layer
     * @param layers stacked layers
     * @return the network
     */
    public static RnnNetwork importNetwork(Map<String, NpyArray> stateDict, String source, CellType cell,
                                           RnnActivation activation, int inputSize, int hidden, int layers) {
        if (cell.parallelInTime()) {
            throw new IllegalArgumentException(cell.displayName() + " has no torch.nn module to import from; "
                    + "rnn, lstm and gru have");
        }
        int[] sizes = new int[layers];
        java.util.Arrays.fill(sizes, hidden);
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_MANY).setInputSize(inputSize)
                .setHiddenSizes(sizes).setOutputSize(hidden).setTask(Task.REGRESSION).optActivation(activation).build();
        RnnNetwork net = NetworkFactory.create(spec);
        load(net, stateDict, source);
        Map<String, INDArray> out = net.getOutputLayer().paramTable();
        out.get("W").assign(Nd4j.eye(hidden));
        out.get("b").assign(0);
        return net;
    }

    /**
     * Copies a state dict into a network's rnnkit recurrent layers, in order.
     *
     * @param net the network to load into
     * @param stateDict the state dict
     * @param source names the dict in errors
     * @throws DataException when names, layer count or shapes do not fit the network, saying
     * which array and what was expected
     */
    public static void load(MultiLayerNetwork net, Map<String, NpyArray> stateDict, String source) {
        List<RecurrentRuntimeLayer> layers = recurrentLayers(net);
        int dictLayers = checkKeys(stateDict, source);
        if (dictLayers != layers.size()) {
            throw new DataException(source, "the state dict has " + dictLayers + " layer" + (dictLayers == 1 ? "" : "s")
                    + " but the model has " + layers.size());
        }
        for (int l = 0; l < layers.size(); l++) {
            loadLayer(layers.get(l), l, stateDict, source);
        }
    }

    /**
     * @param net a network with rnnkit recurrent layers
     * @return the recurrent layers' weights as a PyTorch state dict (float32)
     */
    public static Map<String, NpyArray> export(MultiLayerNetwork net) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        List<RecurrentRuntimeLayer> layers = recurrentLayers(net);
        for (int l = 0; l < layers.size(); l++) {
            RecurrentRuntimeLayer layer = layers.get(l);
            RecurrentLayerConf conf = (RecurrentLayerConf) layer.conf().getLayer();
            int h = (int) conf.getNOut();
            int gh = conf.cellType().gates() * h;
            Map<String, INDArray> p = layer.paramTable();
            double[] bias = p.get(RecurrentParamInitializer.BIAS).toDoubleVector();
            double[] biasHh = new double[gh];
            if (conf.cellType() == CellType.GRU) {
                System.arraycopy(p.get(RecurrentParamInitializer.GRU_RECURRENT_BIAS).toDoubleVector(), 0, biasHh, 2 * h, h);
            }
            out.put("weight_ih_l" + l, transposed(p.get(RecurrentParamInitializer.INPUT_WEIGHTS)));
            out.put("weight_hh_l" + l, transposed(p.get(RecurrentParamInitializer.RECURRENT_WEIGHTS)));
            out.put("bias_ih_l" + l, NpyArray.float32(new long[]{gh}, bias));
            out.put("bias_hh_l" + l, NpyArray.float32(new long[]{gh}, biasHh));
        }
        return out;
    }

    private static List<RecurrentRuntimeLayer> recurrentLayers(MultiLayerNetwork net) {
        List<RecurrentRuntimeLayer> out = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            if (layer instanceof RecurrentRuntimeLayer r) {
                out.add(r);
            } else if (layer.type() == Layer.Type.RECURRENT && !(layer instanceof org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer)) {
                throw new IllegalArgumentException("only unidirectional rnnkit recurrent layers exchange weights with "
                        + "PyTorch; layer " + layer.getIndex() + " is " + layer.getClass().getSimpleName());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the network has no rnnkit recurrent layer");
        }
        return out;
    }

    /** @return the number of layers the keys name */
    private static int checkKeys(Map<String, NpyArray> dict, String source) {
        int layers = 0;
        List<String> unknown = new ArrayList<>();
        for (String k : dict.keySet()) {
            Matcher m = KEY.matcher(k);
            if (k.endsWith("_reverse")) {
                throw new DataException(source, "'" + k + "' is a bidirectional weight; only unidirectional modules are supported");
            }
            if (!m.matches()) {
                unknown.add(k);
            } else {
                layers = Math.max(layers, Integer.parseInt(m.group(2)) + 1);
            }
        }
        if (!unknown.isEmpty()) {
            Collections.sort(unknown);
            throw new DataException(source, "unexpected arrays " + unknown + "; a torch.nn.RNN/LSTM/GRU state dict has "
                    + "weight_ih_l<k>, weight_hh_l<k>, bias_ih_l<k> and bias_hh_l<k> (projections are not supported)");
        }
        return layers;
    }

    private static void loadLayer(RecurrentRuntimeLayer layer, int l, Map<String, NpyArray> dict, String source) {
        RecurrentLayerConf conf = (RecurrentLayerConf) layer.conf().getLayer();
        CellType cell = conf.cellType();
        int h = (int) conf.getNOut();
        int nIn = (int) conf.getNIn();
        int g = cell.gates();
        NpyArray wih = require(dict, "weight_ih_l" + l, source, new long[]{(long) g * h, nIn}, cell, h);
        NpyArray whh = require(dict, "weight_hh_l" + l, source, new long[]{(long) g * h, h}, cell, h);
        if (dict.containsKey("bias_ih_l" + l) != dict.containsKey("bias_hh_l" + l)) {
            String missing = dict.containsKey("bias_ih_l" + l) ? "bias_hh_l" + l : "bias_ih_l" + l;
            throw new DataException(source, "the state dict has no '" + missing + "': a torch.nn." + (cell == CellType.SIMPLE_RNN ? "RNN" : cell.name())
                    + " has both biases of a layer, or neither (bias=False)");
        }
        double[] bih = bias(dict, "bias_ih_l" + l, source, g * h);
        double[] bhh = bias(dict, "bias_hh_l" + l, source, g * h);
        for (String key : new String[]{"weight_ih_l" + l, "weight_hh_l" + l, "bias_ih_l" + l, "bias_hh_l" + l}) {
            NpyArray a = dict.get(key);
            double[] v = a == null ? new double[0] : a.data();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new DataException(source, "'" + key + "' holds " + v[i] + " at flat index " + i
                            + ": weights must be finite numbers");
                }
            }
        }
        Map<String, INDArray> p = layer.paramTable();
        p.get(RecurrentParamInitializer.INPUT_WEIGHTS).assign(transposedMatrix(wih));
        p.get(RecurrentParamInitializer.RECURRENT_WEIGHTS).assign(transposedMatrix(whh));
        double[] b = new double[g * h];
        for (int i = 0; i < b.length; i++) {
            boolean gruN = cell == CellType.GRU && i >= 2 * h;
            b[i] = bih[i] + (gruN ? 0 : bhh[i]);
        }
        p.get(RecurrentParamInitializer.BIAS).assign(Nd4j.create(b, new long[]{1, b.length}));
        if (cell == CellType.GRU) {
            p.get(RecurrentParamInitializer.GRU_RECURRENT_BIAS)
                    .assign(Nd4j.create(java.util.Arrays.copyOfRange(bhh, 2 * h, 3 * h), new long[]{1, h}));
        }
    }

    private static NpyArray require(Map<String, NpyArray> dict, String key, String source, long[] shape, CellType cell,
                                    int h) {
        NpyArray a = dict.get(key);
        if (a == null) {
            throw new DataException(source, "the state dict has no '" + key + "'");
        }
        if (!java.util.Arrays.equals(a.shape(), shape)) {
            String hint = a.rank() == 2 && a.shape()[0] % h == 0 && a.shape()[0] / h != cell.gates()
                    ? " (" + a.shape()[0] / h + " gate blocks: is it a " + cellWithGates((int) (a.shape()[0] / h))
                    + " state dict?)" : "";
            throw new DataException(source, "'" + key + "' has shape " + a.shapeText() + " but a " + cell.label()
                    + " layer of " + h + " units needs " + java.util.Arrays.toString(shape) + hint);
        }
        return a;
    }

    private static String cellWithGates(int gates) {
        return switch (gates) {
            case 1 -> "rnn";
            case 3 -> "gru";
            case 4 -> "lstm";
            default -> "different";
        };
    }

    private static double[] bias(Map<String, NpyArray> dict, String key, String source, int length) {
        NpyArray a = dict.get(key);
        if (a == null) {
            return new double[length];
        }
        if (a.rank() != 1 || a.shape()[0] != length) {
            throw new DataException(source, "'" + key + "' has shape " + a.shapeText() + ", expected [" + length + "]");
        }
        return a.data();
    }

    /** A [rows, cols] .npy matrix as an INDArray [cols, rows]. */
    private static INDArray transposedMatrix(NpyArray a) {
        return Nd4j.create(a.data(), new long[]{a.shape()[0], a.shape()[1]}, 'c').transpose();
    }

    private static NpyArray transposed(INDArray m) {
        INDArray t = m.transpose().dup('c');
        return NpyArray.float32(t.shape(), Nd4j.toFlattened('c', t).toDoubleVector());
    }
}
