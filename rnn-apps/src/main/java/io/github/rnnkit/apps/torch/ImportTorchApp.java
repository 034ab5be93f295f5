package io.github.rnnkit.apps.torch;

import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.output.StagedFolder;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.torch.Npz;
import io.github.rnnkit.core.torch.TorchWeights;

import java.nio.file.Path;

/** Turns a PyTorch RNN/LSTM/GRU state dict (.npz) into an rnnkit model file. */
public final class ImportTorchApp {
    private ImportTorchApp() {
    }

    /**
     * @param npz        the state dict
     * @param cell       the module's cell
     * @param activation the vanilla RNN's nonlinearity (tanh unless the module used relu)
     * @param inputSize  the module's input_size
     * @param hidden     its hidden_size
     * @param layers     its num_layers
     * @param out        the model file to write
     * @param force      replace {@code out} if it exists
     */
    public record Options(Path npz, CellType cell, RnnActivation activation, int inputSize, int hidden, int layers,
                          Path out, boolean force) {
        /**
         * Checks the values.
         *
         * @param npz the state dict
         * @param cell the module's cell
         * @param activation the vanilla RNN's nonlinearity (tanh unless the module used relu)
         * @param inputSize the module's input_size
         * @param hidden its hidden_size
         * @param layers its num_layers
         * @param out the model file to write
         * @param force replace {@code out} if it exists
         */
        public Options {
            if (out == null || out.toString().isBlank()) {
                throw new IllegalArgumentException("--out is empty: give a model file name, e.g. model.zip");
            }
            if (inputSize < 1 || hidden < 1 || layers < 1) {
                throw new IllegalArgumentException("input size, hidden size and layers must be at least 1; got "
                        + inputSize + ", " + hidden + ", " + layers);
            }
        }
    }

    /**
     * @param model      where it was written
     * @param parameters number of parameters of the recurrent layers
     */
    public record Result(Path model, long parameters) {
    }

    /**
     * Reads a state dict and writes the equivalent rnnkit model file.
     *
     * @param o the file, cell, sizes and output
     * @return what was imported
     */
    public static Result run(Options o) {
        if (java.nio.file.Files.isDirectory(o.out())) {
            throw new IllegalArgumentException("--out " + o.out() + " is a folder; give a model file name, e.g. "
                    + o.out().resolve("model.zip"));
        }
        Path bundle = StagedFolder.enclosingBundle(o.out());
        if (bundle != null) {
            throw new IllegalArgumentException("--out " + o.out() + " is inside the model bundle " + bundle
                    + ": choose a file outside it");
        }
        if (java.nio.file.Files.exists(o.out()) && !o.force()) {
            throw new IllegalArgumentException("--out " + o.out() + " already exists: give --force to replace it, or "
                    + "choose another file");
        }
        RnnNetwork net = TorchWeights.importNetwork(Npz.read(o.npz()), o.npz().toString(), o.cell(), o.activation(),
                o.inputSize(), o.hidden(), o.layers());
        ModelFiles.write(net, o.out());
        return new Result(o.out(), net.numParams() - net.getOutputLayer().numParams());
    }
}
