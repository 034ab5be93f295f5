package io.github.rnnkit.core.bundle;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A save is all or nothing, and a bundle changed after saving is refused. */
class BundleFolderTest {
    @TempDir
    Path dir;

    @AfterEach
    void noFault() {
        BundleFolder.afterPart = part -> { };
    }

    private static ModelBundle bundle(CellType cell, long seed) {
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(4).setOutputSize(3).setTask(Task.CLASSIFICATION).optSeed(seed).build();
        DataDescription data = new DataDescription(SeriesKind.CATEGORICAL, List.of("weather"), null,
                WindowSpec.manyToOne(5), Vocabulary.of("fog", "rain", "sun"), List.of());
        return new ModelBundle(NetworkFactory.create(spec), spec, data, Provenance.now("test", null, seed), null);
    }

    private static INDArray output(ModelBundle b) {
        return b.network().output(Nd4j.ones(DataType.FLOAT, 1, 3, 5));
    }

    /** Whatever part a crash interrupts, the folder still holds the old bundle, whole, and nothing is left beside it. */
    @ParameterizedTest
    @ValueSource(strings = {"network.zip", "spec.json", "data.json", "provenance.json", "manifest.json"})
    void aSaveInterruptedAfterAnyPartLeavesTheOldBundle(String crashAfter) throws IOException {
        Path model = dir.resolve("model");
        ModelBundle old = bundle(CellType.LSTM, 1);
        old.save(model);
        INDArray before = output(ModelBundle.load(model));
        BundleFolder.afterPart = part -> {
            if (part.equals(crashAfter)) {
                throw new IllegalStateException("crash after " + part);
            }
        };
        assertThrows(IllegalStateException.class, () -> bundle(CellType.GRU, 2).save(model));
        ModelBundle back = ModelBundle.load(model);
        assertEquals(CellType.LSTM, back.spec().cell());
        assertEquals(before, output(back));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(model), left.toList(), "temporary folders left behind");
        }
    }

    @Test
    void aCompleteSaveReplacesTheOldBundle() {
        Path model = dir.resolve("model");
        bundle(CellType.LSTM, 1).save(model);
        ModelBundle gru = bundle(CellType.GRU, 2);
        gru.save(model);
        ModelBundle back = ModelBundle.load(model);
        assertEquals(CellType.GRU, back.spec().cell());
        assertEquals(output(gru), output(back));
        assertTrue(Files.isRegularFile(model.resolve(BundleFolder.MANIFEST)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.json", "spec.json", "network.zip", "provenance.json"})
    void aPartChangedAfterSavingIsRefusedByName(String part) throws IOException {
        Path model = dir.resolve("model");
        bundle(CellType.GRU, 3).save(model);
        Path file = model.resolve(part);
        if (part.endsWith(".json")) {
            // a plausible edit: the vocabulary reordered, a seed changed ... still valid JSON
            Files.writeString(file, Files.readString(file).replaceFirst("\"", "\" "));
        } else {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
        }
        DataException e = assertThrows(DataException.class, () -> ModelBundle.load(model));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains("does not match the bundle's manifest"),
                e.getMessage());
    }

    @Test
    void aFolderOfOtherFilesIsNotReplaced() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bundle(CellType.GRU, 4).save(mine));
        assertTrue(e.getMessage().contains("holds files but no rnnkit model bundle"), e.getMessage());
        assertEquals("mine", Files.readString(mine.resolve("notes.txt")));
    }
}
