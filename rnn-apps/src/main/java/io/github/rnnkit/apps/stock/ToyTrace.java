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
 */
public record ToyTrace(ToyRnn toy, List<String> lines, double[] hidden, double handOutput, double networkOutput) {

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
        return new ToyTrace(toy, lines, h, y, networkOutput(toy));
    }

    /** @return the output of a one-unit rnnkit SimpleRnn network holding the toy's weights */
    static double networkOutput(ToyRnn toy) {
        ModelSpec spec = ModelSpec.builder().setCell(CellType.SIMPLE_RNN).setTopology(Topology.MANY_TO_ONE).setInputSize(1)
                .setHiddenSizes(1).setOutputSize(1).setTask(Task.REGRESSION).optDataType(DataType.DOUBLE).build();
        RnnNetwork net = NetworkFactory.create(spec);
        net.getLayer(0).getParam("W").assign(toy.wx());
        net.getLayer(0).getParam("RW").assign(toy.wh());
        net.getLayer(0).getParam("b").assign(toy.b());
        net.getLayer(1).getParam("W").assign(toy.wOut());
        net.getLayer(1).getParam("b").assign(toy.bOut());
        int n = toy.prices().size();
        INDArray x = Nd4j.create(DataType.DOUBLE, 1, 1, n);
        for (int t = 0; t < n; t++) {
            x.putScalar(0, 0, t, toy.prices().get(t));
        }
        return net.output(x).getDouble(0, 0, n - 1);
    }

    /** Six significant digits, no exponent for everyday sizes. */
    static String f(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains("e") ? s : s.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
