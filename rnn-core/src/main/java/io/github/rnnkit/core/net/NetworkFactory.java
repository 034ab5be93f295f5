package io.github.rnnkit.core.net;

import io.github.rnnkit.data.runtime.NativeRuntime;
import io.github.rnnkit.core.layers.GruLayer;
import io.github.rnnkit.core.layers.LstmLayer;
import io.github.rnnkit.core.layers.MinRnnLayer;
import io.github.rnnkit.core.layers.SimpleRnnLayer;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The one place a {@link ModelSpec} becomes a DL4J configuration and an initialised network.
 *
 * <ul>
 *   <li>many-to-one: recurrent stack → {@link RnnOutputLayer}; train it with the label on the
 *       last real step and a label mask (as rnn-data's iterators give), so that TBPTT and
 *       streaming work, which {@code LastTimeStep} would break;</li>
 *   <li>many-to-many: recurrent stack → {@link RnnOutputLayer} at every step;</li>
 *   <li>seq2seq: encoder stack (last layer in {@link LastTimeStep}) → {@link RepeatVector}(H) →
 *       decoder stack of the same sizes → {@link RnnOutputLayer}.</li>
 * </ul>
 * Dropout follows PyTorch: on the inputs of every recurrent layer but the first, and of the
 * output layer. Workspaces are on: without them every ND4J array of a training step is a fresh
 * native allocation that libnd4j zero-fills, which took a fifth of a step of configuration b of
 * {@code rnnkit bench} (docs/BENCHMARKS.md); rnnkit's layers keep their own working buffers and
 * allocate what they hand to DL4J in its workspaces.
 */
public final class NetworkFactory {
    static {
        // Before ND4J loads its native libraries: see NativeRuntime.
        NativeRuntime.configure();
    }

    private NetworkFactory() {
    }

    /**
     * @param spec a validated spec
     * @return an initialised network for the spec
     */
    public static RnnNetwork create(ModelSpec spec) {
        MemoryBudget.requireBuildable(spec);
        RnnNetwork net = new RnnNetwork(configuration(spec));
        net.init();
        return net.withSpec(spec);
    }

    /**
     * @param spec a validated spec
     * @return the DL4J configuration for the spec
     */
    public static MultiLayerConfiguration configuration(ModelSpec spec) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(spec.dataType())
                .updater(spec.updater().create(spec.learningRate()))
                .weightInit(spec.weightInit())
                .gradientNormalization(spec.clipping().mode())
                .gradientNormalizationThreshold(spec.clipping().threshold())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int nIn = spec.inputSize();
        int width = spec.bidirectional() ? 2 : 1;
        int depth = spec.depth();
        for (int i = 0; i < depth; i++) {
            Layer layer = recurrent(spec, nIn, spec.hiddenSizes().get(i), i > 0);
            if (spec.topology() == Topology.SEQ2SEQ && i == depth - 1) {
                layer = new LastTimeStep(layer);
            }
            list.layer(layer);
            nIn = spec.hiddenSizes().get(i) * width;
        }
        if (spec.topology() == Topology.SEQ2SEQ) {
            list.layer(new RepeatVector.Builder(spec.horizon()).dataFormat(RNNFormat.NCW).build());
            for (int i = 0; i < depth; i++) {
                list.layer(recurrent(spec, nIn, spec.hiddenSizes().get(i), true));
                nIn = spec.hiddenSizes().get(i) * width;
            }
        }
        RnnOutputLayer.Builder out = new RnnOutputLayer.Builder(spec.task() == Task.CLASSIFICATION
                ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                .activation(spec.task() == Task.CLASSIFICATION ? Activation.SOFTMAX : Activation.IDENTITY)
                .nIn(nIn).nOut(spec.outputSize()).dataFormat(RNNFormat.NCW);
        if (spec.dropout() > 0) {
            out.dropOut(new Dropout(1 - spec.dropout()));
        }
        list.layer(out.build());
        list.setInputType(InputType.recurrent(spec.inputSize(), RNNFormat.NCW));
        if (spec.tbptt() != null) {
            list.backpropType(BackpropType.TruncatedBPTT)
                    .tBPTTForwardLength(spec.tbptt().forward())
                    .tBPTTBackwardLength(spec.tbptt().backward());
        }
        return list.build();
    }

    private static Layer recurrent(ModelSpec spec, int nIn, int nOut, boolean dropout) {
        org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer.Builder<?> b = switch (spec.cell()) {
            case SIMPLE_RNN -> new SimpleRnnLayer.Builder()
                    .activation(spec.activation() == RnnActivation.RELU ? Activation.RELU : Activation.TANH);
            case LSTM -> new LstmLayer.Builder().forgetGateBias(spec.forgetGateBias());
            case GRU -> new GruLayer.Builder();
            case MIN_GRU, MIN_LSTM -> new MinRnnLayer.Builder().cell(spec.cell());
        };
        b.nIn(nIn).nOut(nOut);
        if (dropout && spec.dropout() > 0) {
            b.dropOut(new Dropout(1 - spec.dropout()));
        }
        Layer layer = b.build();
        return spec.bidirectional() ? new Bidirectional(Bidirectional.Mode.CONCAT, layer) : layer;
    }
}
