package io.github.rnnkit.core.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A direct buffer of the kernels' working values in one precision: float64 for double-precision
 * networks (gradient checks), float32 otherwise, so that a float network's recurrent products run
 * in {@code sgemm} and move half the bytes. Elements are read and written as doubles; the
 * float32 buffer rounds on {@link #put}. Zeroing and copies work on the bytes, whatever the
 * precision.
 */
abstract sealed class KernelBuffer permits KernelBuffer.F32, KernelBuffer.F64 {
    private static final byte[] ZEROS = new byte[1 << 16];
    private final ByteBuffer bytes;
    private final int elementBytes;

    private KernelBuffer(ByteBuffer bytes, int elementBytes) {
        this.bytes = bytes;
        this.elementBytes = elementBytes;
    }

    /** @return a zeroed buffer of {@code n} elements, float32 unless {@code dataType} is DOUBLE */
    static KernelBuffer allocate(DataType dataType, long n) {
        boolean dbl = dataType == DataType.DOUBLE;
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.toIntExact(n * (dbl ? 8 : 4))).order(ByteOrder.nativeOrder());
        return dbl ? new F64(bytes) : new F32(bytes);
    }

    abstract double get(int i);

    /** @return true when the first {@code n} elements of this and {@code other} are bitwise equal */
    final boolean sameAs(KernelBuffer other, int n) {
        int length = n * elementBytes;
        return other.elementBytes == elementBytes && bytes.slice(0, length).equals(other.bytes.slice(0, length));
    }

    /** @return the bytes, for {@link VectorGates} */
    final ByteBuffer bytes() {
        return bytes;
    }

    abstract void put(int i, double v);

    /** @return the precision of the elements */
    abstract DataType dataType();

    final int capacity() {
        return bytes.capacity() / elementBytes;
    }

    /** Sets every element of {@code [0, n)} to zero. */
    final void zero(int n) {
        int length = n * elementBytes;
        for (int i = 0; i < length; i += ZEROS.length) {
            bytes.put(i, ZEROS, 0, Math.min(ZEROS.length, length - i));
        }
    }

    /** Copies all of {@code a}, read in row-major order, into this buffer from index 0. */
    final void copyFrom(INDArray a) {
        // Judged by the strides: ND4J reports some permuted views as 'c' order.
        boolean plain = a.dataType() == dataType() && a.data().offset() == 0 && a.offset() + a.length() <= a.data().length()
                && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
        INDArray c = plain ? a : a.castTo(dataType()).dup('c');
        bytes.put(0, c.data().asNio(), Math.toIntExact(c.offset()) * elementBytes, Math.toIntExact(c.length()) * elementBytes);
    }

    /**
     * @return {@code prod(shape)} elements from {@code offset} as a new row-major array of type
     *         {@code type}
     */
    final INDArray toArray(int offset, long[] shape, DataType type) {
        return toArray(offset, shape, type, LayerWorkspaceMgr.noWorkspaces(), ArrayType.ACTIVATIONS);
    }

    /**
     * @return as {@link #toArray(int, long[], DataType)}, allocated where {@code mgr} keeps arrays
     *         of {@code arrayType}, so that DL4J need not copy it into its workspace
     */
    final INDArray toArray(int offset, long[] shape, DataType type, LayerWorkspaceMgr mgr, ArrayType arrayType) {
        INDArray out = mgr.createUninitialized(arrayType, dataType(), shape, 'c');
        out.data().asNio().put(0, bytes, offset * elementBytes, Math.toIntExact(out.length()) * elementBytes);
        return type == dataType() ? out : mgr.castTo(arrayType, type, out, false);
    }

    /** Float64 elements. */
    static final class F64 extends KernelBuffer {
        final DoubleBuffer b;

        private F64(ByteBuffer bytes) {
            super(bytes, Double.BYTES);
            this.b = bytes.asDoubleBuffer();
        }

        @Override
        double get(int i) {
            return b.get(i);
        }

        @Override
        void put(int i, double v) {
            b.put(i, v);
        }

        @Override
        DataType dataType() {
            return DataType.DOUBLE;
        }

        DoubleBuffer from(int offset) {
            return b.slice(offset, b.capacity() - offset);
        }
    }

    /** Float32 elements. */
    static final class F32 extends KernelBuffer {
        final FloatBuffer b;

        private F32(ByteBuffer bytes) {
            super(bytes, Float.BYTES);
            this.b = bytes.asFloatBuffer();
        }

        @Override
        double get(int i) {
            return b.get(i);
        }

        @Override
        void put(int i, double v) {
            b.put(i, (float) v);
        }

        @Override
        DataType dataType() {
            return DataType.FLOAT;
        }

        FloatBuffer from(int offset) {
            return b.slice(offset, b.capacity() - offset);
        }
    }
}
