package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.runtime.NativeRuntime;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A validated description of an encoder-decoder network, and the one place that turns it into a
 * DL4J network: an {@link EncoderDecoderLayer} followed by an output layer over the decoder's
 * steps (softmax and cross-entropy for symbols, identity and mean squared error for values),
 * trained with Adam, float32, gradients clipped per layer by their L2 norm.
 *
 * <p>The decoder's inputs are what its outputs are (a symbol one-hot, or the values), so that
 * decoding can feed each output back: {@code targetFeatures} must equal {@code outputs}. For
 * symbols that includes the start symbol (and the end symbol when sequences have one):
 * {@link SymbolBatch} uses V + 2 classes.
 *
 * <pre>
 *   EncoderDecoderSpec spec = EncoderDecoderSpec.symbols(CellType.GRU, 64, AttentionKind.BAHDANAU, 8, 20, 10);
 *   MultiLayerNetwork net = spec.network();
 * </pre>
 *
 * @param cell           SIMPLE_RNN, LSTM or GRU, for encoder and decoder
 * @param layers         stacked layers of each (at least 1)
 * @param hidden         units per layer, encoder and decoder alike
 * @param attention      none, Bahdanau or Luong
 * @param attentionSize  Bahdanau's hidden size A (ignored otherwise)
 * @param sourceFeatures features per source step
 * @param sourceSteps    the longest source S (shorter ones are masked)
 * @param targetFeatures features per decoder input
 * @param outputs        classes (CLASSIFICATION) or values (REGRESSION) per decoder step
 * @param task           what the output layer predicts
 * @param learningRate   Adam's step size
 * @param clipNorm       per-layer L2 norm the gradients are clipped to, 0 for none
 * @param seed           seed of the initial weights
 */
public record EncoderDecoderSpec(CellType cell, int layers, int hidden, AttentionKind attention, int attentionSize,
                                 int sourceFeatures, int sourceSteps, int targetFeatures, int outputs, Task task,
                                 double learningRate, double clipNorm, long seed) {
    static {
        // Before ND4J loads its native libraries: see NativeRuntime.
        NativeRuntime.configure();
    }

    /**
     * Validates the values.
     *
     * @param cell SIMPLE_RNN, LSTM or GRU, for encoder and decoder
     * @param layers stacked layers of each (at least 1)
     * @param hidden units per layer, encoder and decoder alike
     * @param attention none, Bahdanau or Luong
     * @param attentionSize Bahdanau's hidden size A (ignored otherwise)
     * @param sourceFeatures features per source step
     * @param sourceSteps the longest source S (shorter ones are masked)
     * @param targetFeatures features per decoder input
     * @param outputs classes (CLASSIFICATION) or values (REGRESSION) per decoder step
     * @param task what the output layer predicts
     * @param learningRate Adam's step size
     * @param clipNorm per-layer L2 norm the gradients are clipped to, 0 for none
     * @param seed seed of the initial weights
     * @throws IllegalArgumentException naming the first option that is wrong
     */
    public EncoderDecoderSpec {
        require(cell != null && !cell.parallelInTime(), "cell: the encoder-decoder runs rnn, lstm or gru, not "
                + (cell == null ? "none" : cell.label()));
        require(layers >= 1, "layers: at least 1, got " + layers);
        require(hidden >= 1, "hidden: at least 1 unit, got " + hidden);
        require(attention != null, "attention: none, bahdanau or luong");
        require(attention != AttentionKind.BAHDANAU || attentionSize >= 1, "attention size: at least 1, got " + attentionSize);
        require(sourceFeatures >= 1, "source features: at least 1, got " + sourceFeatures);
        require(sourceSteps >= 1, "source steps: at least 1, got " + sourceSteps);
        require(task != null, "task: classification or regression");
        require(task != Task.CLASSIFICATION || outputs >= 2, "outputs: a classifier needs at least 2 classes, got " + outputs);
        require(outputs >= 1, "outputs: at least 1, got " + outputs);
        require(targetFeatures == outputs, "target features (" + targetFeatures + ") must equal the outputs (" + outputs
                + "): the decoder reads its own previous output; for symbols count the start (and end) symbol in both");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate: positive, got " + learningRate);
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "clip norm: 0 (none) or positive, got " + clipNorm);
    }

    /**
     * A symbol-to-symbol model of one layer, Adam 0.005, clipped at 5, seed 1.
     *
     * @param cell        the cell
     * @param hidden      units
     * @param attention   the attention
     * @param vocabulary  source symbols V (the source is V one-hot features)
     * @param classes     output classes, start and end symbols included (V + 2 with {@link SymbolBatch})
     * @param sourceSteps the longest source
     * @return the spec
     */
    public static EncoderDecoderSpec symbols(CellType cell, int hidden, AttentionKind attention, int vocabulary, int classes,
                                             int sourceSteps) {
        return new EncoderDecoderSpec(cell, 1, hidden, attention, hidden, vocabulary, sourceSteps, classes, classes,
                Task.CLASSIFICATION, 0.005, 5, 1);
    }

    /**
     * @param rate Adam's step size
     * @return this spec with that learning rate
     */
    public EncoderDecoderSpec withLearningRate(double rate) {
        return new EncoderDecoderSpec(cell, layers, hidden, attention, attentionSize, sourceFeatures, sourceSteps, targetFeatures,
                outputs, task, rate, clipNorm, seed);
    }

    /**
     * @param s the seed of the initial weights
     * @return this spec with that seed
     */
    public EncoderDecoderSpec withSeed(long s) {
        return new EncoderDecoderSpec(cell, layers, hidden, attention, attentionSize, sourceFeatures, sourceSteps, targetFeatures,
                outputs, task, learningRate, clipNorm, s);
    }

    /** @return a new, initialised network of this spec */
    public MultiLayerNetwork network() {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER);
        if (clipNorm > 0) {
            b.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(clipNorm);
        }
        boolean classify = task == Task.CLASSIFICATION;
        MultiLayerNetwork net = new MultiLayerNetwork(b.list()
                .layer(new EncoderDecoderLayer.Builder().cell(cell).layers(layers).sourceFeatures(sourceFeatures)
                        .targetFeatures(targetFeatures).sourceSteps(sourceSteps).attention(attention)
                        .attentionSize(attention == AttentionKind.BAHDANAU ? attentionSize : hidden).nOut(hidden).build())
                .layer(new RnnOutputLayer.Builder(classify ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                        .activation(classify ? Activation.SOFTMAX : Activation.IDENTITY).nIn(hidden).nOut(outputs).build())
                .build());
        net.init();
        return net;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
