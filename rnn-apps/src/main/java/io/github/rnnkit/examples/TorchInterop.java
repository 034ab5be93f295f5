package io.github.rnnkit.examples;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.torch.Npz;
import io.github.rnnkit.core.torch.NpyArray;
import io.github.rnnkit.core.torch.TorchWeights;
import io.github.rnnkit.data.Topology;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Weights to PyTorch and back: a two-layer GRU's weights saved as a PyTorch {@code state_dict} in
 * a {@code .npz} file, read back into a new network, the same outputs.
 *
 * <p>Teaches: rnnkit's cells use PyTorch's equations and gate order, so {@code weight_ih_l0},
 * {@code weight_hh_l0}, {@code bias_ih_l0}, {@code bias_hh_l0} (and {@code _l1} ...) move between
 * the two as they are. In Python:
 * <pre>
 *   gru = torch.nn.GRU(3, 16, 2, batch_first=True)
 *   gru.load_state_dict({k: torch.from_numpy(v) for k, v in numpy.load("gru.npz").items()})
 * </pre>
 *
 * <p>Prints: the file written, its arrays with their shapes, and the largest difference between
 * the original network's top hidden states and the imported network's outputs (0 up to float32
 * round-off).
 */
public final class TorchInterop {
    private TorchInterop() {
    }

    /**
     * @param npz           the file written
     * @param arrays        its arrays' names
     * @param maxDifference largest absolute difference between the two networks' hidden states
     */
    public record Result(Path npz, List<String> arrays, double maxDifference) {
    }

    /**
     * Runs the example; {@code --out DIR} chooses where the .npz goes (a temporary folder otherwise).
     *
     * @param args {@code [--out DIR]}
     */
    public static void main(String[] args) {
        run(Examples.outputDir(args, "torch"));
    }

    /**
     * @param dir the folder to write {@code gru.npz} in
     * @return the file, its arrays and the largest difference
     */
    public static Result run(Path dir) {
        RnnNetwork original = NetworkFactory.create(ModelSpec.builder().setCell(CellType.GRU)
                .setTopology(Topology.MANY_TO_MANY).setInputSize(3).setHiddenSizes(16, 16).setOutputSize(1)
                .setTask(Task.REGRESSION).optSeed(5).build());
        Path file = dir.resolve("gru.npz");
        try {
            Npz.write(file, TorchWeights.export(original));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        Map<String, NpyArray> stateDict = Npz.read(file);
        System.out.println("wrote " + file);
        stateDict.forEach((name, a) -> System.out.println("  " + name + " " + a.shapeText()));

        RnnNetwork imported = TorchWeights.importNetwork(stateDict, file.toString(), CellType.GRU, RnnActivation.TANH, 3, 16, 2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 20).subi(0.5);    // 4 sequences of 20 steps
        INDArray originalTop = original.feedForward(x, false).get(2);   // input, layer 0, layer 1 (top), output
        INDArray importedTop = imported.output(x);                      // imported: the top hidden state itself
        double worst = originalTop.sub(importedTop).amaxNumber().doubleValue();
        System.out.printf("largest difference between the two networks' hidden states: %.2e%n", worst);
        return new Result(file, List.copyOf(stateDict.keySet()), worst);
    }
}
