package io.github.rnnkit.core.torch;

import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against PyTorch 1.13: golden/torch/*.npz, made by golden/torch/make_torch_golden.py. */
class TorchWeightsTest {
    static Map<String, NpyArray> golden(String name) throws IOException {
        return GoldenFiles.read("/golden/torch/" + name + ".npz");
    }

    /** [batch, time, size] (batch_first) as NCW [batch, size, time]. */
    static INDArray ncw(NpyArray a) {
        return Nd4j.create(a.data(), a.shape(), 'c').castTo(DataType.FLOAT).permute(0, 2, 1).dup();
    }

    @ParameterizedTest(name = "{0}, {1} layer(s)")
    @CsvSource({"rnn,1", "rnn,2", "lstm,1", "lstm,2", "gru,1", "gru,2"})
    void importedWeightsReproducePyTorchsHiddenStates(String cell, int layers) throws IOException {
        Map<String, NpyArray> io = golden(cell + "_l" + layers + "_io");
        RnnNetwork net = TorchWeights.importNetwork(golden(cell + "_l" + layers), cell, CellType.parse(cell),
                RnnActivation.TANH, 3, 4, layers);
        INDArray expected = ncw(io.get("output"));
        INDArray actual = net.output(ncw(io.get("input")));
        double worst = actual.sub(expected).amaxNumber().doubleValue();
        assertTrue(worst < 1e-5, "max abs difference from PyTorch " + worst);
    }

    @ParameterizedTest(name = "{0}, {1} layer(s)")
    @CsvSource({"rnn,2", "lstm,1", "gru,2"})
    void exportedDictsHavePyTorchsNamesAndShapesAndReimportExactly(String cell, int layers) throws IOException {
        Map<String, NpyArray> original = golden(cell + "_l" + layers);
        RnnNetwork net = TorchWeights.importNetwork(original, cell, CellType.parse(cell), RnnActivation.TANH, 3, 4, layers);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npz.write(bytes, TorchWeights.export(net));
        Map<String, NpyArray> exported = Npz.read("exported", new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(original.keySet(), exported.keySet());
        for (String k : original.keySet()) {
            assertArrayEquals(original.get(k).shape(), exported.get(k).shape(), k);
        }
        assertArrayEquals(original.get("weight_hh_l0").data(), exported.get("weight_hh_l0").data(), 0.0);
        RnnNetwork again = TorchWeights.importNetwork(exported, "exported", CellType.parse(cell), RnnActivation.TANH, 3, 4,
                layers);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 7);
        assertEquals(net.output(x), again.output(x));
    }

    @Test
    void aDictOfAnotherCellIsNamed() throws IOException {
        DataException e = assertThrows(DataException.class, () -> TorchWeights.importNetwork(golden("lstm_l1"), "lstm.npz",
                CellType.GRU, RnnActivation.TANH, 3, 4, 1));
        assertTrue(e.getMessage().contains("'weight_ih_l0' has shape [16, 3] but a gru layer of 4 units needs [12, 3] "
                + "(4 gate blocks: is it a lstm state dict?)"), e.getMessage());
    }

    @Test
    void layerCountAndNamesAreChecked() throws IOException {
        assertTrue(assertThrows(DataException.class, () -> TorchWeights.importNetwork(golden("gru_l2"), "g.npz",
                CellType.GRU, RnnActivation.TANH, 3, 4, 1)).getMessage().contains("has 2 layers but the model has 1"));
        Map<String, NpyArray> extra = new HashMap<>(golden("gru_l1"));
        extra.put("weight_ih_l0_reverse", extra.get("weight_ih_l0"));
        assertTrue(assertThrows(DataException.class, () -> TorchWeights.importNetwork(extra, "g.npz", CellType.GRU,
                RnnActivation.TANH, 3, 4, 1)).getMessage().contains("bidirectional"));
        assertThrows(DataException.class, () -> Npz.read("junk", new ByteArrayInputStream("not a zip".getBytes())));
    }

    @Test
    void npyRoundTripKeepsShapesAndFloat64() {
        NpyArray a = new NpyArray(new long[]{2, 3}, new double[]{1, 2, 3, 4, 5, 6.125}, true);
        NpyArray back = Npz.readNpy("a", Npz.npy(a));
        assertArrayEquals(a.shape(), back.shape());
        assertArrayEquals(a.data(), back.data(), 0.0);
        assertTrue(back.float64());
    }
}
