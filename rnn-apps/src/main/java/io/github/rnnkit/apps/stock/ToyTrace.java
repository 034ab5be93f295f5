package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The toy's forward pass written out as arithmetic, and the same pass run by an rnnkit network
 * holding the same weights.
 *
 * @param toy           the toy
 * @param lines         the unrolled pass, one line per step and one for the output
 * @param hidden        h_1..h_T by hand
 * @param handOutput    y by hand
 * @param networkOutput y from {@code net.output}, in double precision
 * @param backwardLines the backward pass by the chain rule, one line per step back
 * @param handGradient  ∂y/∂x_t by hand, t = 1..T
 * @param networkGradient ∂y/∂x_t of the network, by central differences of {@code net.output}
 *                      (an independent check of the hand-derived chain rule)
 */
public record ToyTrace(ToyRnn toy, List<String> lines, double[] hidden, double handOutput, double networkOutput,
                       List<String> backwardLines, double[] handGradient, double[] networkGradient) {
    /** Step of the central differences: small against the prices, large against double round-off. */
    static final double EPSILON = 1e-5;


    /**
     * Works the toy out by hand and runs the network.
     *
     * @param toy the toy
     * @return the trace
     */
    public static ToyTrace of(ToyRnn toy) {
        List<String> lines = new ArrayList<>();
        int n = toy.prices().size();
        double[] h = new double[n];
        double prev = 0;
        lines.add("h_0 = 0");
        for (int t = 0; t < n; t++) {
            double x = toy.prices().get(t);
            double a = toy.wx() * x;
            double r = toy.wh() * prev;
            double z = a + r + toy.b();
            h[t] = Math.tanh(z);
            lines.add(String.format(Locale.ROOT, "h_%d = tanh(Wx*x_%d + Wh*h_%d + b) = tanh(%s*%s + %s*%s + %s) "
                            + "= tanh(%s + %s + %s) = tanh(%s) = %s",
                    t + 1, t + 1, t, f(toy.wx()), f(x), f(toy.wh()), f(prev), f(toy.b()), f(a), f(r), f(toy.b()), f(z), f(h[t])));
            prev = h[t];
        }
        double y = toy.wOut() * prev + toy.bOut();
        lines.add(String.format(Locale.ROOT, "y = W_out*h_%d + b_out = %s*%s + %s = %s + %s = %s", n, f(toy.wOut()), f(prev),
                f(toy.bOut()), f(toy.wOut() * prev), f(toy.bOut()), f(y)));
        List<String> back = new ArrayList<>();
        double[] dx = new double[n];
        // ∂y/∂h_T = W_out; each step back multiplies by ∂h_t/∂h_{t-1} = (1 - h_t²)·Wh, and the input of
        // step t enters through ∂h_t/∂x_t = (1 - h_t²)·Wx.
        double dh = toy.wOut();
        back.add(String.format(Locale.ROOT, "dy/dh_%d = W_out = %s", n, f(dh)));
        for (int t = n - 1; t >= 0; t--) {
            double slope = 1 - h[t] * h[t];
            dx[t] = dh * slope * toy.wx();
            back.add(String.format(Locale.ROOT, "dy/dx_%d = dy/dh_%d * (1 - h_%d^2) * Wx = %s * %s * %s = %s",
                    t + 1, t + 1, t + 1, f(dh), f(slope), f(toy.wx()), f(dx[t])));
            if (t > 0) {
                double next = dh * slope * toy.wh();
                back.add(String.format(Locale.ROOT, "dy/dh_%d = dy/dh_%d * (1 - h_%d^2) * Wh = %s * %s * %s = %s",
                        t, t + 1, t + 1, f(dh), f(slope), f(toy.wh()), f(next)));
                dh = next;
            }
        }
        return new ToyTrace(toy, lines, h, y, networkOutput(toy, toy.prices()), back, dx, networkGradient(toy));
    }

    /** @return ∂y/∂x_t of the network holding the toy's weights, by central differences */
    static double[] networkGradient(ToyRnn toy) {
        int n = toy.prices().size();
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            List<Double> up = new ArrayList<>(toy.prices());
            List<Double> down = new ArrayList<>(toy.prices());
            up.set(t, up.get(t) + EPSILON);
            down.set(t, down.get(t) - EPSILON);
            out[t] = (networkOutput(toy, up) - networkOutput(toy, down)) / (2 * EPSILON);
        }
        return out;
    }

    /** @return the factor one step back multiplies the gradient by at the last step: (1 - h_T²)·Wh */
    public double stepFactor() {
        double last = hidden[hidden.length - 1];
        return (1 - last * last) * toy.wh();
    }

    /** @return the output of a one-unit rnnkit SimpleRnn network holding the toy's weights */
    static double networkOutput(ToyRnn toy, List<Double> prices) {
        ModelSpec spec = ModelSpec.builder().setCell(CellType.SIMPLE_RNN).setTopology(Topology.MANY_TO_ONE).setInputSize(1)
                .setHiddenSizes(1).setOutputSize(1).setTask(Task.REGRESSION).optDataType(DataType.DOUBLE).build();
        RnnNetwork net = NetworkFactory.create(spec);
        net.getLayer(0).getParam("W").assign(toy.wx());
        net.getLayer(0).getParam("RW").assign(toy.wh());
        net.getLayer(0).getParam("b").assign(toy.b());
        net.getLayer(1).getParam("W").assign(toy.wOut());
        net.getLayer(1).getParam("b").assign(toy.bOut());
        int n = prices.size();
        INDArray x = Nd4j.create(DataType.DOUBLE, 1, 1, n);
        for (int t = 0; t < n; t++) {
            x.putScalar(0, 0, t, prices.get(t));
        }
        return net.output(x).getDouble(0, 0, n - 1);
    }

    /** Six significant digits, no exponent for everyday sizes. */
    static String f(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains("e") ? s : s.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
