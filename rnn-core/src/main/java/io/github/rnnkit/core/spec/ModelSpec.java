package io.github.rnnkit.core.spec;

import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.window.SequenceSet;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Everything that defines a recurrent network, immutable and validated: an invalid combination
 * fails in {@link Builder#build()} with a message saying what to change. Turned into a DL4J
 * network by {@link io.github.rnnkit.core.net.NetworkFactory}, the only place that does so.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.builder()
 *         .setCell(CellType.GRU).setTopology(Topology.MANY_TO_ONE)
 *         .setInputSize(3).setHiddenSizes(32, 32).setOutputSize(3).setTask(Task.CLASSIFICATION)
 *         .optTbptt(50, 50).optClipping(Clipping.parse("l2-per-layer:1.0"))
 *         .build();
 * }</pre>
 *
 * @param cell           the recurrent cell of every recurrent layer
 * @param topology       many-to-one, many-to-many or seq2seq
 * @param horizon        steps the seq2seq decoder emits; 1 for the other topologies
 * @param inputSize      features per input step
 * @param hiddenSizes    units of each stacked recurrent layer, input side first (seq2seq: the
 *                       encoder's; the decoder mirrors them)
 * @param outputSize     classes (classification) or values per step (regression)
 * @param task           classification (softmax, cross-entropy) or regression (identity, MSE)
 * @param bidirectional  recurrent layers read both directions (not with TBPTT or streaming)
 * @param dropout        probability of dropping an input of each recurrent layer after the first
 *                       and of the output layer (PyTorch's convention), in [0, 1)
 * @param activation     the vanilla RNN's nonlinearity (SIMPLE_RNN only)
 * @param updater        the optimiser
 * @param learningRate   its learning rate
 * @param weightInit     initialisation of input and recurrent weights
 * @param forgetGateBias initial bias of the LSTM forget gate (LSTM only; 1 by default, PyTorch uses 0)
 * @param seed           seed for initialisation and dropout
 * @param dataType       FLOAT or DOUBLE
 * @param tbptt          truncated BPTT lengths, or null for full BPTT
 * @param clipping       gradient clipping
 * @serial exclude
 */
public record ModelSpec(CellType cell, Topology topology, int horizon, int inputSize, List<Integer> hiddenSizes,
                        int outputSize, Task task, boolean bidirectional, double dropout, RnnActivation activation,
                        UpdaterKind updater, double learningRate, WeightInit weightInit, double forgetGateBias,
                        long seed, DataType dataType, Tbptt tbptt, Clipping clipping)
        implements java.io.Serializable {
    /**
     * Checks every field and their combinations.
     * @throws IllegalArgumentException saying what to change
     *
     * @param cell the recurrent cell of every recurrent layer
     * @param topology many-to-one, many-to-many or seq2seq
     * @param horizon steps the seq2seq decoder emits; 1 for the other topologies
     * @param inputSize features per input step
     * @param hiddenSizes units of each stacked recurrent layer, input side first (seq2seq: the encoder's; the decoder mirrors them)
     * @param outputSize classes (classification) or values per step (regression)
     * @param task classification (softmax, cross-entropy) or regression (identity, MSE)
     * @param bidirectional recurrent layers read both directions (not with TBPTT or streaming)
     * @param dropout probability of dropping an input of each recurrent layer after the first and of the output layer (PyTorch's convention), in [0, 1)
     * @param activation the vanilla RNN's nonlinearity (SIMPLE_RNN only)
     * @param updater the optimiser
     * @param learningRate its learning rate
     * @param weightInit initialisation of input and recurrent weights
     * @param forgetGateBias initial bias of the LSTM forget gate (LSTM only; 1 by default, PyTorch uses 0)
     * @param seed seed for initialisation and dropout
     * @param dataType FLOAT or DOUBLE
     * @param tbptt truncated BPTT lengths, or null for full BPTT
     * @param clipping gradient clipping
     */
    public ModelSpec {
        hiddenSizes = List.copyOf(hiddenSizes);
        validate(cell, topology, horizon, inputSize, hiddenSizes, outputSize, task, bidirectional, dropout, activation,
                updater, learningRate, weightInit, dataType, tbptt, clipping);
    }

    private static void validate(CellType cell, Topology topology, int horizon, int inputSize, List<Integer> hiddenSizes,
                                 int outputSize, Task task, boolean bidirectional, double dropout,
                                 RnnActivation activation, UpdaterKind updater, double learningRate,
                                 WeightInit weightInit, DataType dataType, Tbptt tbptt, Clipping clipping) {
        require(cell != null, "set a cell: SIMPLE_RNN, LSTM, GRU, MIN_GRU or MIN_LSTM");
        require(topology != null, "set a topology: MANY_TO_ONE, MANY_TO_MANY or SEQ2SEQ");
        require(task != null, "set a task: CLASSIFICATION or REGRESSION");
        require(updater != null && weightInit != null && clipping != null && activation != null,
                "updater, weight init, clipping and activation must not be null");
        require(inputSize >= 1, "input size must be at least 1, got " + inputSize);
        require(outputSize >= 1, "output size must be at least 1, got " + outputSize);
        require(!hiddenSizes.isEmpty(), "give at least one hidden size");
        for (int i = 0; i < hiddenSizes.size(); i++) {
            require(hiddenSizes.get(i) >= 1, "hidden size of layer " + (i + 1) + " is " + hiddenSizes.get(i)
                    + "; every hidden size must be at least 1");
        }
        if (topology == Topology.SEQ2SEQ) {
            require(horizon >= 1, "a seq2seq horizon must be at least 1, got " + horizon);
        } else {
            require(horizon == 1, "a horizon of " + horizon + " needs the SEQ2SEQ topology; "
                    + topology + " predicts one step (drop the horizon or use SEQ2SEQ)");
        }
        require(task != Task.CLASSIFICATION || outputSize >= 2,
                "classification needs at least 2 classes, got output size " + outputSize);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(activation == RnnActivation.TANH || cell == CellType.SIMPLE_RNN,
                "activation " + activation + " applies to SIMPLE_RNN only; " + cell + " has fixed gate nonlinearities");
        require(learningRate > 0 && Double.isFinite(learningRate) || updater == UpdaterKind.NOOP,
                "learning rate must be a positive number, got " + learningRate);
        require(dataType == DataType.FLOAT || dataType == DataType.DOUBLE,
                "data type must be FLOAT or DOUBLE, got " + dataType);
        if (tbptt != null) {
            require(!bidirectional, "bidirectional layers cannot train with truncated BPTT: the backward direction "
                    + "needs the whole sequence (drop TBPTT or bidirectional)");
            require(topology != Topology.SEQ2SEQ, "truncated BPTT is not available for SEQ2SEQ: the decoder starts "
                    + "from the encoder's last step, which needs the whole input (drop TBPTT)");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @return a builder with rnnkit's defaults (see {@link Builder}) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this spec's values, to derive a changed spec */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cell = cell;
        b.topology = topology;
        b.horizon = horizon;
        b.inputSize = inputSize;
        b.hiddenSizes = hiddenSizes;
        b.outputSize = outputSize;
        b.task = task;
        b.bidirectional = bidirectional;
        b.dropout = dropout;
        b.activation = activation;
        b.updater = updater;
        b.learningRate = learningRate;
        b.weightInit = weightInit;
        b.forgetGateBias = forgetGateBias;
        b.seed = seed;
        b.dataType = dataType;
        b.tbptt = tbptt;
        b.clipping = clipping;
        return b;
    }

    /** @return the number of recurrent layers in the encoder (the whole stack unless seq2seq) */
    public int depth() {
        return hiddenSizes.size();
    }

    /**
     * Builder. Required: {@code setCell}, {@code setTopology}, {@code setInputSize},
     * {@code setHiddenSizes}, {@code setOutputSize}, {@code setTask}. Defaults: horizon 1,
     * unidirectional, no dropout, tanh, Adam with learning rate 0.001, Xavier initialisation,
     * LSTM forget-gate bias 1, seed 42, FLOAT, full BPTT, no clipping.
     */
    public static final class Builder {
        private CellType cell;
        private Topology topology;
        private int horizon = 1;
        private int inputSize;
        private List<Integer> hiddenSizes = List.of();
        private int outputSize;
        private Task task;
        private boolean bidirectional;
        private double dropout;
        private RnnActivation activation = RnnActivation.TANH;
        private UpdaterKind updater = UpdaterKind.ADAM;
        private double learningRate = 1e-3;
        private WeightInit weightInit = WeightInit.XAVIER;
        private double forgetGateBias = 1.0;
        private long seed = 42;
        private DataType dataType = DataType.FLOAT;
        private Tbptt tbptt;
        private Clipping clipping = Clipping.NONE;

        private Builder() {
        }

        /**
         * Sets the recurrent cell of every layer (required).
         *
         * @param c SIMPLE_RNN, LSTM or GRU
         * @return this builder
         */
        public Builder setCell(CellType c) {
            this.cell = c;
            return this;
        }

        /**
         * Sets how inputs map to outputs (required, or from {@link #setDataShape}).
         *
         * @param t many-to-one, many-to-many or seq2seq
         * @return this builder
         */
        public Builder setTopology(Topology t) {
            this.topology = t;
            return this;
        }

        /**
         * Seq2seq with horizon H.
         *
         * @param h the horizon H, at least 1
         * @return this builder
         */
        public Builder setSeq2seq(int h) {
            this.topology = Topology.SEQ2SEQ;
            this.horizon = h;
            return this;
        }

        /**
         * Sets the input features per step (required, or from {@link #setDataShape}).
         *
         * @param n features per step, at least 1
         * @return this builder
         */
        public Builder setInputSize(int n) {
            this.inputSize = n;
            return this;
        }

        /**
         * Sets the units of each stacked recurrent layer, input side first (required).
         *
         * @param sizes one size per layer, each at least 1
         * @return this builder
         */
        public Builder setHiddenSizes(int... sizes) {
            this.hiddenSizes = java.util.Arrays.stream(sizes).boxed().toList();
            return this;
        }

        /**
         * Sets the units of each stacked recurrent layer, input side first (required).
         *
         * @param sizes one size per layer, each at least 1
         * @return this builder
         */
        public Builder setHiddenSizes(List<Integer> sizes) {
            this.hiddenSizes = sizes;
            return this;
        }

        /**
         * Sets the classes (classification) or values per step (regression) (required, or from {@link #setDataShape}).
         *
         * @param n at least 2 for classification, at least 1 for regression
         * @return this builder
         */
        public Builder setOutputSize(int n) {
            this.outputSize = n;
            return this;
        }

        /**
         * Sets classification (softmax, cross-entropy) or regression (identity, MSE) (required, or from {@link #setDataShape}).
         *
         * @param t the task
         * @return this builder
         */
        public Builder setTask(Task t) {
            this.task = t;
            return this;
        }

        /**
         * Sets what the data decides, from a dataset: topology and horizon from its window, input
         * size from its features per step, output size and task from its targets (categories:
         * classification over the vocabulary; prices: regression on the target feature).
         *
         * @param data the dataset the network will be trained on
         * @return this builder
         */
        public Builder setDataShape(WindowedDataset data) {
            SequenceSet train = data.train();
            this.topology = data.window().topology();
            this.horizon = topology == Topology.SEQ2SEQ ? data.window().horizon() : 1;
            this.inputSize = train.featureCount();
            this.outputSize = train.targetCount();
            this.task = train.isClassification() ? Task.CLASSIFICATION : Task.REGRESSION;
            return this;
        }

        /**
         * Sets the seq2seq horizon (1 for the other topologies).
         *
         * @param h steps the decoder emits
         * @return this builder
         */
        public Builder optHorizon(int h) {
            this.horizon = h;
            return this;
        }

        /**
         * Makes every recurrent layer read both directions (not with truncated BPTT or streaming).
         *
         * @param b true for bidirectional layers
         * @return this builder
         */
        public Builder optBidirectional(boolean b) {
            this.bidirectional = b;
            return this;
        }

        /**
         * Sets dropout on the inputs of every recurrent layer after the first and of the output layer.
         *
         * @param p the probability of dropping an input, in [0, 1)
         * @return this builder
         */
        public Builder optDropout(double p) {
            this.dropout = p;
            return this;
        }

        /**
         * Sets the vanilla RNN's nonlinearity (SIMPLE_RNN only).
         *
         * @param a tanh (default) or ReLU
         * @return this builder
         */
        public Builder optActivation(RnnActivation a) {
            this.activation = a;
            return this;
        }

        /**
         * Sets the optimiser.
         *
         * @param u the updater
         * @param lr its learning rate, above zero
         * @return this builder
         */
        public Builder optUpdater(UpdaterKind u, double lr) {
            this.updater = u;
            this.learningRate = lr;
            return this;
        }

        /**
         * Sets the initialisation of input and recurrent weights.
         *
         * @param w DL4J's weight initialisation (Xavier by default)
         * @return this builder
         */
        public Builder optWeightInit(WeightInit w) {
            this.weightInit = w;
            return this;
        }

        /**
         * Sets the initial LSTM forget-gate bias (LSTM only).
         *
         * @param b the bias (1 by default; PyTorch uses 0)
         * @return this builder
         */
        public Builder optForgetGateBias(double b) {
            this.forgetGateBias = b;
            return this;
        }

        /**
         * Sets the seed of initialisation and dropout.
         *
         * @param s the seed
         * @return this builder
         */
        public Builder optSeed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Sets the precision of parameters and activations.
         *
         * @param d FLOAT (default) or DOUBLE
         * @return this builder
         */
        public Builder optDataType(DataType d) {
            this.dataType = d;
            return this;
        }

        /**
         * Truncated BPTT with forward length k1 and backward length k2.
         *
         * @param k1 steps per segment, each an update
         * @param k2 steps at the end of a segment the gradient flows back through, at most k1
         * @return this builder
         */
        public Builder optTbptt(int k1, int k2) {
            this.tbptt = new Tbptt(k1, k2);
            return this;
        }

        /**
         * Full BPTT (the default).
         *
         * @return this builder
         */
        public Builder optNoTbptt() {
            this.tbptt = null;
            return this;
        }

        /**
         * Sets gradient clipping.
         *
         * @param c the mode and threshold ({@link Clipping#NONE} by default)
         * @return this builder
         */
        public Builder optClipping(Clipping c) {
            this.clipping = c;
            return this;
        }

        /**
         * @return the validated spec
         * @throws IllegalArgumentException saying what to change
         */
        public ModelSpec build() {
            return new ModelSpec(cell, topology, horizon, inputSize, hiddenSizes, outputSize, task, bidirectional,
                    dropout, activation, updater, learningRate, weightInit, forgetGateBias, seed, dataType, tbptt, clipping);
        }
    }
}
