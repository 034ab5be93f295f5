package io.github.rnnkit.examples;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * The seed article's toy, worked out by hand beside the network: a vanilla RNN of one unit reads
 * three prices (all 0: the day before yesterday, yesterday, today) and forecasts tomorrow's, with
 * made-up weights W_x = 0.5, W_h = 0.8, b = 0.1, W_out = 2, b_out = 0.3.
 * <pre>
 *   h_t = tanh(W_x x_t + W_h h_{t-1} + b),   h_0 = 0
 *   y   = W_out h_T + b_out
 * </pre>
 *
 * <p>Teaches: what a recurrent step computes, and that the same state h carries the past forward
 * even when every input is 0 (the bias alone moves it: 0.0997, 0.1778, 0.2376).
 *
 * <p>Prints: each step's arithmetic, y by hand and y from an rnnkit network holding the same
 * weights (float64: equal to 1e-15).
 */
public final class ToyRnnByHand {
    private static final double WX = 0.5;
    private static final double WH = 0.8;
    private static final double B = 0.1;
    private static final double W_OUT = 2.0;
    private static final double B_OUT = 0.3;

    private ToyRnnByHand() {
    }

    /**
     * @param hidden        h_1 .. h_T by hand
     * @param byHand        y by hand
     * @param networkOutput y from the network
     */
    public record Result(double[] hidden, double byHand, double networkOutput) {
    }

    /**
     * Runs the article's toy: three prices, all 0.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(0.0, 0.0, 0.0);
    }

    /**
     * @param prices x_1 .. x_T, oldest first
     * @return the hidden states and y, by hand and from the network
     */
    public static Result run(double... prices) {
        double[] h = new double[prices.length];
        double prev = 0;
        for (int t = 0; t < prices.length; t++) {
            double z = WX * prices[t] + WH * prev + B;
            h[t] = Math.tanh(z);
            System.out.printf(Locale.ROOT, "h_%d = tanh(%.1f*%.4f + %.1f*%.4f + %.1f) = tanh(%.4f) = %.4f%n",
                    t + 1, WX, prices[t], WH, prev, B, z, h[t]);
            prev = h[t];
        }
        double y = W_OUT * prev + B_OUT;
        System.out.printf(Locale.ROOT, "y   = %.1f*%.4f + %.1f = %.6f   (by hand)%n", W_OUT, prev, B_OUT, y);

        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(CellType.SIMPLE_RNN)
                .setTopology(Topology.MANY_TO_ONE).setInputSize(1).setHiddenSizes(1).setOutputSize(1)
                .setTask(Task.REGRESSION).optDataType(DataType.DOUBLE).build());
        net.getLayer(0).getParam("W").assign(WX);       // input weight
        net.getLayer(0).getParam("RW").assign(WH);      // recurrent weight
        net.getLayer(0).getParam("b").assign(B);
        net.getLayer(1).getParam("W").assign(W_OUT);
        net.getLayer(1).getParam("b").assign(B_OUT);
        INDArray x = Nd4j.create(prices, new long[]{1, 1, prices.length}, DataType.DOUBLE);
        double fromNetwork = net.output(x).getDouble(0, 0, prices.length - 1);
        System.out.printf(Locale.ROOT, "y   = %.6f   (rnnkit network, same weights)%n", fromNetwork);
        return new Result(h, y, fromNetwork);
    }
}
