package io.github.rnnkit.data.window;

import io.github.rnnkit.data.DataException;

import java.util.ArrayList;
import java.util.List;

/** Cuts aligned input and target rows of one part of a series into windows. */
public final class Windower {
    private Windower() {
    }

    /**
     * @param inputs  input rows {@code [step][feature]} of one part
     * @param targets target rows {@code [step][k]}, aligned with {@code inputs}
     * @param offset  the original series step of row 0, for {@link SequenceSample#lastInputStep}
     * @param spec    the window
     * @param part    what the rows are (e.g. {@code "the test part"}), for the error message
     * @param source  where the series came from, for the error message
     * @return the windows, in time order
     * @throws DataException when there are fewer rows than one window spans
     */
    public static List<SequenceSample> cut(double[][] inputs, double[][] targets, int offset, WindowSpec spec,
                                           String part, String source) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " input rows for " + targets.length + " target rows");
        }
        int n = inputs.length;
        if (n < spec.span()) {
            String needs = spec.topology() == io.github.rnnkit.data.Topology.MANY_TO_MANY
                    ? "look-back " + spec.lookBack() + " + 1 shifted target"
                    : "look-back " + spec.lookBack() + " + horizon " + spec.horizon();
            throw new DataException(source, part + " has " + n + " steps; " + needs + " needs at least "
                    + spec.span() + " (lower the look-back or give more data)");
        }
        int lookBack = spec.lookBack();
        int targetStart = switch (spec.topology()) {
            case MANY_TO_ONE, SEQ2SEQ -> lookBack;
            case MANY_TO_MANY -> 1;
        };
        int count = spec.windowCount(n);
        List<SequenceSample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int s = i * spec.stride();
            double[][] x = new double[lookBack][];
            System.arraycopy(inputs, s, x, 0, lookBack);
            double[][] y = new double[spec.targetLength()][];
            System.arraycopy(targets, s + targetStart, y, 0, y.length);
            out.add(new SequenceSample(x, y, offset + s + lookBack - 1));
        }
        return out;
    }
}
