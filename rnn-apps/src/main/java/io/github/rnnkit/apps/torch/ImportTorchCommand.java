package io.github.rnnkit.apps.torch;

import io.github.rnnkit.apps.common.OptionValues;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.RnnActivation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit import-torch}: a PyTorch state dict to an rnnkit model. */
@Command(name = "import-torch", mixinStandardHelpOptions = true,
        description = {"Import PyTorch RNN/LSTM/GRU weights into an rnnkit model.",
                "The state_dict saved as .npz under PyTorch's names",
                "(np.savez(f, **{k: v.numpy() for k, v in m.state_dict().items()})) becomes a model whose output",
                "is the top layer's hidden state at every step."})
public final class ImportTorchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--npz", required = true, paramLabel = "FILE", description = "the state dict")
    Path npz;

    @Option(names = "--cell", required = true, paramLabel = "CELL", description = "rnn, lstm or gru")
    String cell;

    @Option(names = "--nonlinearity", defaultValue = "tanh", paramLabel = "F",
            description = "torch.nn.RNN's nonlinearity: tanh or relu (default: ${DEFAULT-VALUE})")
    String nonlinearity;

    @Option(names = "--input-size", converter = OptionValues.Positive.class, required = true, paramLabel = "N", description = "the module's input_size")
    int inputSize;

    @Option(names = "--hidden", converter = OptionValues.Positive.class, required = true, paramLabel = "H", description = "the module's hidden_size")
    int hidden;

    @Option(names = "--layers", converter = OptionValues.Positive.class, defaultValue = "1", paramLabel = "L", description = "the module's num_layers (default: 1)")
    int layers;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "model file to write (refused if it "
            + "exists, unless --force)")
    Path out;

    @picocli.CommandLine.Mixin
    io.github.rnnkit.apps.common.ForceOption force;

    @Override
    public Integer call() {
        CellType c = CellType.parse(cell);
        RnnActivation f = switch (nonlinearity.toLowerCase(Locale.ROOT)) {
            case "tanh" -> RnnActivation.TANH;
            case "relu" -> RnnActivation.RELU;
            default -> throw new IllegalArgumentException("--nonlinearity must be tanh or relu, got '" + nonlinearity + "'");
        };
        if (c.parallelInTime()) {
            throw new IllegalArgumentException("--cell " + c.label() + ": torch.nn has no such module to import from; "
                    + "import-torch takes rnn, lstm or gru");
        }
        if (f == RnnActivation.RELU && c != CellType.SIMPLE_RNN) {
            throw new IllegalArgumentException("--nonlinearity relu applies to --cell rnn only");
        }
        ImportTorchApp.Result r = ImportTorchApp.run(new ImportTorchApp.Options(npz, c, f, inputSize, hidden, layers, out, force.force));
        spec.commandLine().getOut().printf("wrote %s: %s, %d layer%s of %d units, input size %d, %d recurrent parameters;%n"
                        + "its output is the top layer's hidden state (%d values per step)%n", r.model(), c.label(), layers,
                layers == 1 ? "" : "s", hidden, inputSize, r.parameters(), hidden);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
