package io.github.rnnkit.apps.torch;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.torch.Npz;
import io.github.rnnkit.core.torch.TorchWeights;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command-line route: a state dict (here exported from an rnnkit network; rnn-core's
 * TorchWeightsTest checks against PyTorch's own files) through {@code import-torch} and
 * {@code forward} gives the network's top-layer hidden states.
 */
class ImportTorchAndForwardTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"SIMPLE_RNN", "LSTM", "GRU"})
    void importThenForwardPrintsTheTopLayersHiddenStates(CellType cell) throws IOException {
        RnnNetwork source = NetworkFactory.create(ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_MANY)
                .setInputSize(2).setHiddenSizes(3, 3).setOutputSize(1).setTask(Task.REGRESSION).optSeed(5).build());
        Path npz = dir.resolve("w.npz");
        Npz.write(npz, TorchWeights.export(source));
        Path model = dir.resolve("m.model");
        CliRun imported = CliRun.of("import-torch", "--npz", npz.toString(), "--cell", cell.label(), "--input-size", "2",
                "--hidden", "3", "--layers", "2", "--out", model.toString());
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().contains("2 layers of 3 units"), imported.out());

        double[][] x = {{0.5, -1}, {0.25, 0}, {-0.75, 1}, {1, 1}};
        Path csv = dir.resolve("x.csv");
        StringBuilder sb = new StringBuilder();
        for (double[] row : x) {
            sb.append(row[0]).append(',').append(row[1]).append('\n');
        }
        Files.writeString(csv, sb);
        CliRun forward = CliRun.of("forward", "--model", model.toString(), "--input", csv.toString());
        assertEquals(0, forward.status(), forward.err());
        String[] lines = forward.out().strip().split("\n");
        assertEquals(4, lines.length);
        INDArray input = Nd4j.create(x).castTo(DataType.FLOAT).transpose().reshape(1, 2, 4);
        INDArray h = source.feedForward(input, false).get(2);
        for (int t = 0; t < 4; t++) {
            String[] values = lines[t].split(",");
            assertEquals(3, values.length);
            for (int k = 0; k < 3; k++) {
                assertEquals(h.getDouble(0, k, t), Double.parseDouble(values[k]), 1e-6);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "missing model   | forward,--model,{dir}/none.model,--input,{csv}     | model file not found",
            "foreign model   | forward,--model,{csv},--input,{csv}                | not an rnnkit model",
            "missing npz     | import-torch,--npz,{dir}/none.npz,--cell,gru,--input-size,2,--hidden,3,--out,{dir}/o | file not found",
            "bad cell        | import-torch,--npz,{csv},--cell,tcn,--input-size,2,--hidden,3,--out,{dir}/o | unknown cell 'tcn'",
            "not an npz      | import-torch,--npz,{csv},--cell,gru,--input-size,2,--hidden,3,--out,{dir}/o | not an .npz archive",
    })
    void badInputIsOneLineAndExitStatus2(String what, String args, String says) throws IOException {
        Path csv = Files.writeString(dir.resolve("x.csv"), "1,2\n3,4\n");
        String[] argv = args.replace("{dir}", dir.toString()).replace("{csv}", csv.toString()).split(",");
        CliRun r = CliRun.of(argv);
        assertEquals(2, r.status(), what + ": " + r.err());
        assertTrue(r.err().contains(says), what + ": " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @org.junit.jupiter.api.Test
    void minCellsHaveNoTorchModuleToImportFrom() {
        CliRun r = CliRun.of("import-torch", "--npz", dir.resolve("w.npz").toString(), "--cell", "min-gru", "--input-size", "2",
                "--hidden", "3", "--out", dir.resolve("m.model").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--cell min-gru: torch.nn has no such module"), r.err());
    }
}
