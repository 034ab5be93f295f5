package io.github.rnnkit.core.layers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Copies between ND4J arrays and kernel buffers keep every value in its row-major place. */
class KernelBufferTest {
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void copiesRoundTripThroughViewsAndPlainArrays(DataType type) {
        INDArray a = Nd4j.arange(24).castTo(type).reshape('c', 2, 3, 4);
        INDArray permuted = a.permute(2, 0, 1);
        KernelBuffer b = KernelBuffer.allocate(type, 30);
        b.copyFrom(permuted);
        INDArray expected = permuted.dup('c');
        for (int i = 0; i < 24; i++) {
            assertEquals(expected.data().getDouble(i), b.get(i), 0.0, "element " + i + " of a permuted view");
        }
        INDArray fOrder = a.dup('f').permute(2, 0, 1);
        b.copyFrom(fOrder);
        for (int i = 0; i < 24; i++) {
            assertEquals(expected.data().getDouble(i), b.get(i), 0.0, "element " + i + " of a permuted f-order array");
        }
        INDArray plain = Nd4j.create(new double[]{5, 6, 7}, new long[]{1, 3}, type);
        b.copyFrom(plain);
        assertEquals(6, b.get(1), 0.0);
        b.copyFrom(a);
        assertEquals(7, b.get(7), 0.0);
        INDArray back = b.toArray(4, new long[]{2, 5}, DataType.DOUBLE);
        assertEquals(DataType.DOUBLE, back.dataType());
        for (int i = 0; i < 10; i++) {
            assertEquals(4 + i, back.getDouble(i / 5, i % 5), 0.0, "element " + i + " read back from offset 4");
        }
        // A contiguous view that starts inside its buffer, as a layer's slice of the network's parameters.
        INDArray rows = a.reshape('c', 6, 4).get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
        b.copyFrom(rows);
        for (int i = 0; i < 8; i++) {
            assertEquals(8 + i, b.get(i), 0.0, "element " + i + " of a view from offset 8");
        }
        KernelBuffer same = KernelBuffer.allocate(type, 8);
        same.copyFrom(rows.dup());
        assertEquals(true, same.sameAs(b, 8));
        same.put(7, -1);
        assertEquals(false, same.sameAs(b, 8));
    }
}
