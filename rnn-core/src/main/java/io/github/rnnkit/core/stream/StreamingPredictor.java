package io.github.rnnkit.core.stream;

import io.github.rnnkit.data.runtime.NativeRuntime;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import io.github.rnnkit.core.layers.SingleStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feeds a many-to-one or many-to-many network one time step at a time, keeping the recurrent
 * state between calls: after steps x_1 .. x_t, the output is exactly what the full-sequence
 * forward pass gives at step t (for many-to-one, the prediction as if the sequence ended at t).
 * {@link #reset()} starts a new sequence. Not thread-safe: the state lives in the network.
 *
 * <pre>{@code
 * StreamingPredictor p = StreamingPredictor.of(net);
 * for (double[] x : readings) {
 *     double[] probabilities = p.step(x);
 * }
 * p.reset();
 * }</pre>
 */
public final class StreamingPredictor {
    static {
        // Before ND4J loads its native libraries: see NativeRuntime.
        NativeRuntime.configure();
    }

    private final MultiLayerNetwork net;
    private long batch = -1;
    /** Batch-1 streams outside DL4J, or null when the network has layers it does not cover. */
    private SingleStream single;

    private StreamingPredictor(MultiLayerNetwork net) {
        this.net = net;
    }

    /**
     * @param net a unidirectional many-to-one or many-to-many network
     * @return a predictor with a fresh state
     * @throws IllegalArgumentException for a network that cannot stream: bidirectional layers read
     * the future, and seq2seq reads the whole input before its
     * first output
     */
    public static StreamingPredictor of(MultiLayerNetwork net) {
        for (NeuralNetConfiguration c : net.getLayerWiseConfigurations().getConfs()) {
            Layer l = c.getLayer();
            if (l instanceof Bidirectional) {
                throw new IllegalArgumentException("a bidirectional network cannot stream: its backward direction "
                        + "needs the whole sequence (use a unidirectional network)");
            }
            if (l instanceof LastTimeStep) {
                throw new IllegalArgumentException("a seq2seq network cannot stream: it reads the whole input before "
                        + "its first output (use many-to-one or many-to-many)");
            }
        }
        StreamingPredictor p = new StreamingPredictor(net);
        p.reset();
        return p;
    }

    /**
     * Forgets the state: the next step starts a new sequence. A stream of one sequence runs on the
     * network's parameters as they are at {@link #of} or at the last reset (outside DL4J, for
     * speed), so reset after training the network further.
     */
    public void reset() {
        net.rnnClearPreviousState();
        batch = -1;
        single = SingleStream.of(net);
    }

    /**
     * @param x one step of several sequences {@code [miniBatch, features]}
     * @return the output at this step {@code [miniBatch, outputs]}
     * @throws IllegalArgumentException when the minibatch size changes without a reset
     */
    public INDArray step(INDArray x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("a step is [miniBatch, features], got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        if (batch >= 0 && x.size(0) != batch) {
            throw new IllegalArgumentException("the stream has " + batch + " sequences but this step has " + x.size(0)
                    + "; call reset() to start over with a different number");
        }
        batch = x.size(0);
        if (batch == 1 && single != null) {
            return Nd4j.create(new double[][]{single.step(x.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector())})
                    .castTo(net.params().dataType());
        }
        return net.rnnTimeStep(x.castTo(net.params().dataType()));
    }

    /**
     * One step of a single sequence; returns the output vector.
     *
     * @param x the step's input features
     * @return the output at this step (probabilities for a classifier)
     */
    public double[] step(double... x) {
        if (single != null && batch <= 1) {
            batch = 1;
            return single.step(x);
        }
        return step(Nd4j.create(new double[][]{x})).toDoubleVector();
    }
}
