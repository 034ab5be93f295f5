package io.github.rnnkit.core.layers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Reading and writing arrays through their buffers' memory, on views with an offset and on transposed views. */
class PlainRowsTest {
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void readsAndWritesViewsAtTheirOffset(DataType type) {
        INDArray base = Nd4j.arange(24).castTo(type).reshape('c', 6, 4);
        // rows 2 and 3 as a view of the same buffer from element 8, as the output layer makes them
        INDArray rows = Nd4j.create(base.data(), new long[]{2, 4}, new long[]{4, 1}, 8, 'c', type);
        assertArrayEquals(new double[]{8, 9, 10, 11, 12, 13, 14, 15}, PlainRows.values(rows));
        // a transposed view is read in its own row-major order
        assertArrayEquals(new double[]{0, 4, 8, 12, 16, 20}, java.util.Arrays.copyOf(PlainRows.values(base.transpose()), 6));

        PlainRows.write(new double[]{-1, -2, -3, -4, -5, -6, -7, -8, -9}, 1, 8, rows);
        assertArrayEquals(new double[]{7, -2, -3, -4, -5, -6, -7, -8, -9, 16}, java.util.Arrays.copyOfRange(
                base.castTo(DataType.DOUBLE).data().asDouble(), 7, 17));
        INDArray t = Nd4j.zeros(type, 2, 3).transpose();
        PlainRows.write(new double[]{1, 2, 3, 4, 5, 6}, 0, 6, t);
        assertArrayEquals(new double[]{1, 3, 5, 2, 4, 6}, PlainRows.values(t.transpose()));
    }
}
