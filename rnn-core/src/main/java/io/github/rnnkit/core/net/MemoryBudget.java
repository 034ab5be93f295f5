package io.github.rnnkit.core.net;

import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.data.Topology;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Estimates what a network needs before anything is allocated, and refuses a request that cannot
 * fit with a message saying how much it needs, how much this JVM may use and what to lower,
 * instead of an {@link OutOfMemoryError}, a native {@code std::bad_alloc} or the kernel's OOM
 * killer. The estimates are lower bounds from the sizes alone:
 * <ul>
 *   <li>building: parameters, gradients and two updater moments (Adam), 4 P values of the data
 *       type, off-heap (ND4J);</li>
 *   <li>a training step: per recurrent layer and step, the batch's pre-activations of every gate
 *       and the hidden (and cell) state kept for backpropagation through time, (gates + 2) B H
 *       values, plus the inputs B T I; held in direct buffers and ND4J arrays.</li>
 * </ul>
 * The limits are JavaCPP's {@code maxbytes} for ND4J's arrays, the JVM's direct-memory limit for
 * the layers' buffers, and the machine's physical memory for both.
 */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /**
     * @param spec a spec
     * @return bytes of parameters, gradients and updater state the network needs
     */
    public static double buildBytes(ModelSpec spec) {
        return 4.0 * parameters(spec) * bytes(spec.dataType());
    }

    /**
     * @param spec  a spec
     * @param batch windows per update
     * @param steps input steps per window
     * @return bytes a training step's activations need (a lower bound)
     */
    public static double stepBytes(ModelSpec spec, long batch, long steps) {
        // each hidden size stands twice for a seq2seq decoder and for a backward direction
        int copies = (spec.topology() == Topology.SEQ2SEQ ? 2 : 1) * (spec.bidirectional() ? 2 : 1);
        double values = (double) batch * steps * spec.inputSize();
        for (int h : spec.hiddenSizes()) {
            values += (double) batch * steps * h * (spec.cell().gates() + 2) * copies;
        }
        return values * bytes(spec.dataType());
    }

    /**
     * @param spec a spec
     * @throws IllegalArgumentException when its parameters alone cannot fit
     */
    public static void requireBuildable(ModelSpec spec) {
        double need = buildBytes(spec);
        double may = offHeapLimit();
        if (need > may) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s with hidden sizes %s has %,.0f parameters: "
                            + "training it needs at least %s (parameters, gradients and Adam's two moments in %s), more than "
                            + "the %s this JVM may use off-heap; lower the hidden size", withArticle(spec),
                    spec.hiddenSizes(), parameters(spec), human(need), spec.dataType() == DataType.DOUBLE ? "float64" : "float32",
                    human(may)));
        }
    }

    /**
     * @param spec  a spec
     * @param batch windows per update
     * @param steps input steps per window
     * @throws IllegalArgumentException when one training step's activations cannot fit
     */
    public static void requireTrainable(ModelSpec spec, long batch, long steps) {
        double need = stepBytes(spec, batch, steps) + buildBytes(spec);
        double may = offHeapLimit() + directLimit();
        if (need > may) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a training step of batch %,d over %,d steps of "
                            + "%s with hidden sizes %s needs at least %s for its activations, more than the %s this JVM may use "
                            + "off-heap; lower the batch size, the sequence length or the hidden size", batch, steps,
                    withArticle(spec), spec.hiddenSizes(), human(need), human(may)));
        }
    }

    /**
     * @param bytes what some data needs on the Java heap
     * @param what  what it is, e.g. "2,000 training sequences of 100,000,001 steps"
     * @param lower what to lower
     * @throws IllegalArgumentException when it cannot fit in the heap
     */
    public static void requireHeap(double bytes, String what, String lower) {
        double may = Runtime.getRuntime().maxMemory();
        if (bytes > may) {
            throw new IllegalArgumentException(what + " need at least " + human(bytes) + ", more than the " + human(may)
                    + " of heap this JVM may use; lower " + lower);
        }
    }

    private static String withArticle(ModelSpec spec) {
        String name = spec.cell().displayName();
        return (name.startsWith("LSTM") ? "an " : "a ") + name;
    }

    private static double parameters(ModelSpec spec) {
        double p = 0;
        int in = spec.inputSize();
        int copies = (spec.bidirectional() ? 2 : 1);
        for (int h : spec.hiddenSizes()) {
            p += copies * (ParameterMatch.count(spec.cell(), in, h, 0));
            in = h * copies;
        }
        if (spec.topology() == Topology.SEQ2SEQ) {
            p *= 2;
        }
        return p + (double) in * spec.outputSize() + spec.outputSize();
    }

    private static int bytes(DataType t) {
        return t == DataType.DOUBLE ? 8 : 4;
    }

    /** @return bytes ND4J may allocate: JavaCPP's limit, and no more than the machine has */
    static double offHeapLimit() {
        double physical = Pointer.totalPhysicalBytes() > 0 ? Pointer.totalPhysicalBytes() : Double.MAX_VALUE;
        long max = Pointer.maxBytes();
        return Math.min(max > 0 ? max : physical, physical);
    }

    /** @return the JVM's direct-memory limit (-XX:MaxDirectMemorySize, by default the heap's size) */
    static double directLimit() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:MaxDirectMemorySize=")) {
                return parseSize(arg.substring("-XX:MaxDirectMemorySize=".length()));
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    static double parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        double unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1024.0;
            case 'm' -> 1024.0 * 1024;
            case 'g' -> 1024.0 * 1024 * 1024;
            case 't' -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        return Double.parseDouble(digits) * unit;
    }

    /**
     * @param bytes a size
     * @return it in words, e.g. "3.2 GB" (powers of 1024)
     */
    public static String human(double bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }
}
