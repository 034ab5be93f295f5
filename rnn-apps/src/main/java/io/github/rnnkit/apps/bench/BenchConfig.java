package io.github.rnnkit.apps.bench;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.Topology;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A benchmark configuration, the same as ../shared/bench/torch_rnn_bench.py's:
 * <ul>
 *   <li>a: batch 64, length 50, input 1 (normal noise), hidden 64, many-to-many regression, MSE</li>
 *   <li>b: batch 64, length 100, input 3 (one-hot), hidden 128, many-to-one, 3 classes, cross-entropy</li>
 *   <li>c: batch 32, length 1000, input 3 (one-hot), hidden 32, many-to-one, 3 classes, cross-entropy</li>
 * </ul>
 *
 * @param name    a, b or c (or any name for a custom one)
 * @param batch   minibatch size
 * @param length  sequence length
 * @param input   input features
 * @param hidden  hidden units
 * @param classes classes of a many-to-one classifier, or 0 for many-to-many regression
 * @param layers  recurrent layers of {@code hidden} units each, stacked
 */
public record BenchConfig(String name, int batch, int length, int input, int hidden, int classes, int layers) {
    /** The batch, hidden size and input of the scan benchmark ({@link #scan}). */
    private static final int SCAN_BATCH = 32;
    private static final int SCAN_HIDDEN = 128;

    /**
     * Checks the sizes.
     *
     * @param name a name
     * @param batch minibatch size
     * @param length sequence length
     * @param input input features
     * @param hidden hidden units
     * @param classes classes, or 0
     * @param layers stacked layers
     */
    public BenchConfig {
        if (batch < 1 || length < 1 || input < 1 || hidden < 1 || classes < 0 || layers < 1) {
            throw new IllegalArgumentException("benchmark sizes must be positive: batch " + batch + ", length " + length
                    + ", hidden " + hidden + ", layers " + layers);
        }
    }

    /**
     * A one-layer configuration.
     *
     * @param name    a, b or c (or any name for a custom one)
     * @param batch   minibatch size
     * @param length  sequence length
     * @param input   input features
     * @param hidden  hidden units
     * @param classes classes of a many-to-one classifier, or 0 for many-to-many regression
     */
    public BenchConfig(String name, int batch, int length, int input, int hidden, int classes) {
        this(name, batch, length, input, hidden, classes, 1);
    }

    /**
     * The configuration of the speed-against-length benchmark (bench/torch_scan_bench.py): batch 32,
     * input 3 (one-hot), hidden 128, many-to-one, 3 classes, named {@code T<length>} (with
     * {@code x<layers>} for stacks).
     *
     * @param length sequence length
     * @param layers stacked layers
     * @return the configuration
     */
    public static BenchConfig scan(int length, int layers) {
        return new BenchConfig("T" + length + (layers > 1 ? "x" + layers : ""), SCAN_BATCH, length, 3, SCAN_HIDDEN, 3,
                layers);
    }
    /**
     * Configurations a, b and c of the PyTorch reference benchmark.
     */
    public static final List<BenchConfig> STANDARD = List.of(
            new BenchConfig("a", 64, 50, 1, 64, 0),
            new BenchConfig("b", 64, 100, 3, 128, 3),
            new BenchConfig("c", 32, 1000, 3, 32, 3));

    /**
     * @param name a, b or c
     * @return the configuration
     * @throws IllegalArgumentException naming the configurations that exist
     */
    public static BenchConfig byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return STANDARD.stream().filter(c -> c.name.equals(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown benchmark configuration '" + name + "'; expected a, b or c"));
    }

    /**
     * @param newBatch the batch size, or 0 to keep it
     * @param newLength the sequence length, or 0 to keep it
     * @param newHidden the hidden size, or 0 to keep it
     * @return this configuration with the sizes that are above 0 replaced (for memory runs)
     */
    public BenchConfig with(int newBatch, int newLength, int newHidden) {
        return new BenchConfig(name, newBatch > 0 ? newBatch : batch, newLength > 0 ? newLength : length, input,
                newHidden > 0 ? newHidden : hidden, classes, layers);
    }

    /**
     * @param cell the cell
     * @return the network rnnkit users get for this configuration: {@link #layers} layers, float32, Adam 0.001
     */
    public ModelSpec spec(CellType cell) {
        int[] sizes = new int[layers];
        java.util.Arrays.fill(sizes, hidden);
        return ModelSpec.builder().setCell(cell)
                .setTopology(classes > 0 ? Topology.MANY_TO_ONE : Topology.MANY_TO_MANY)
                .setInputSize(input).setHiddenSizes(sizes).setOutputSize(classes > 0 ? classes : 1)
                .setTask(classes > 0 ? Task.CLASSIFICATION : Task.REGRESSION)
                .optUpdater(UpdaterKind.ADAM, 1e-3).optDataType(DataType.FLOAT).optSeed(0).build();
    }

    /**
     * @param seed the seed of the random inputs and labels
     * @return one minibatch in rnnkit's layout (labels on the last step with a label mask for many-to-one)
     */
    public DataSet data(long seed) {
        Random r = new Random(seed);
        INDArray x = Nd4j.zeros(DataType.FLOAT, batch, input, length);
        INDArray y;
        INDArray labelMask = null;
        for (int i = 0; i < batch; i++) {
            for (int t = 0; t < length; t++) {
                if (input == 1) {
                    x.putScalar(i, 0, t, r.nextGaussian());
                } else {
                    x.putScalar(i, r.nextInt(input), t, 1.0);
                }
            }
        }
        if (classes > 0) {
            y = Nd4j.zeros(DataType.FLOAT, batch, classes, length);
            labelMask = Nd4j.zeros(DataType.FLOAT, batch, length);
            for (int i = 0; i < batch; i++) {
                y.putScalar(i, r.nextInt(classes), length - 1, 1.0);
                labelMask.putScalar(i, length - 1, 1.0);
            }
        } else {
            y = Nd4j.randn(DataType.FLOAT, batch, 1, length);
        }
        return new DataSet(x, y, null, labelMask);
    }

    /**
     * The arithmetic of one training step, the matrix products only: the forward pass does
     * {@code 2 B T G H (I + H)} flops in each recurrent layer (G gate blocks; I = H above the first;
     * minGRU and minLSTM have no recurrent product, so {@code 2 B T G H I}) and {@code 2 B T' H O}
     * in the output layer (T' = T for many-to-many, 1 otherwise); backpropagation does about
     * twice the forward's.
     *
     * @param cell the cell
     * @return floating-point operations of one training step
     */
    public double trainFlops(CellType cell) {
        double forward = 0;
        for (int l = 0; l < layers; l++) {
            forward += 2.0 * batch * length * cell.gates() * hidden * ((l == 0 ? input : hidden)
                    + (cell.parallelInTime() ? 0 : hidden));
        }
        forward += 2.0 * batch * (classes > 0 ? 1 : length) * hidden * (classes > 0 ? classes : 1);
        return 3 * forward;
    }
}
