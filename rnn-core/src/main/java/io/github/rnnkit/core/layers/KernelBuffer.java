package io.github.rnnkit.core.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * A direct buffer of the kernels' working values in one precision: float64 for double-precision
 * networks (gradient checks), float32 otherwise, so that a float network's recurrent products run
 * in {@code sgemm} and move half the bytes. Elements are read and written as doubles; the
 * float32 buffer rounds on {@link #put}.
 */
abstract sealed class KernelBuffer permits KernelBuffer.F32, KernelBuffer.F64 {
    /** @return a zeroed buffer of {@code n} elements, float32 unless {@code dataType} is DOUBLE */
    static KernelBuffer allocate(DataType dataType, long n) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.toIntExact(n * (dataType == DataType.DOUBLE ? 8 : 4)))
                .order(ByteOrder.nativeOrder());
        return dataType == DataType.DOUBLE ? new F64(bytes.asDoubleBuffer()) : new F32(bytes.asFloatBuffer());
    }

    abstract double get(int i);

    abstract void put(int i, double v);

    abstract int capacity();

    /** @return the precision of the elements */
    abstract DataType dataType();

    /** Sets every element of {@code [0, n)} to zero. */
    abstract void zero(int n);

    /** Copies all of {@code a}, read in row-major order, into this buffer from index 0. */
    final void copyFrom(INDArray a) {
        // Judged by the strides: ND4J reports some permuted views as 'c' order.
        boolean plain = a.dataType() == dataType() && a.data().offset() == 0 && a.length() == a.data().length()
                && java.util.Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
        INDArray c = plain ? a : a.castTo(dataType()).dup('c');
        copyFromContiguous(c.data().asNio(), Math.toIntExact(c.length()));
    }

    abstract void copyFromContiguous(ByteBuffer bytes, int n);

    /**
     * @return {@code prod(shape)} elements from {@code offset} as a new row-major array of type
     *         {@code type}
     */
    final INDArray toArray(int offset, long[] shape, DataType type) {
        INDArray out = Nd4j.createUninitialized(dataType(), shape, 'c');
        copyTo(offset, out.data().asNio(), Math.toIntExact(out.length()));
        return type == dataType() ? out : out.castTo(type);
    }

    abstract void copyTo(int offset, ByteBuffer bytes, int n);

    /** Float64 elements. */
    static final class F64 extends KernelBuffer {
        final DoubleBuffer b;

        F64(DoubleBuffer b) {
            this.b = b;
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
        int capacity() {
            return b.capacity();
        }

        @Override
        DataType dataType() {
            return DataType.DOUBLE;
        }

        private static final double[] ZEROS = new double[1 << 14];

        @Override
        void zero(int n) {
            for (int i = 0; i < n; i += ZEROS.length) {
                b.put(i, ZEROS, 0, Math.min(ZEROS.length, n - i));
            }
        }

        @Override
        void copyFromContiguous(ByteBuffer bytes, int n) {
            b.put(0, bytes.order(ByteOrder.nativeOrder()).asDoubleBuffer(), 0, n);
        }

        @Override
        void copyTo(int offset, ByteBuffer bytes, int n) {
            bytes.order(ByteOrder.nativeOrder()).asDoubleBuffer().put(0, b, offset, n);
        }

        DoubleBuffer from(int offset) {
            return b.slice(offset, b.capacity() - offset);
        }
    }

    /** Float32 elements. */
    static final class F32 extends KernelBuffer {
        final FloatBuffer b;

        F32(FloatBuffer b) {
            this.b = b;
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
        int capacity() {
            return b.capacity();
        }

        @Override
        DataType dataType() {
            return DataType.FLOAT;
        }

        private static final float[] ZEROS = new float[1 << 14];

        @Override
        void zero(int n) {
            for (int i = 0; i < n; i += ZEROS.length) {
                b.put(i, ZEROS, 0, Math.min(ZEROS.length, n - i));
            }
        }

        @Override
        void copyFromContiguous(ByteBuffer bytes, int n) {
            b.put(0, bytes.order(ByteOrder.nativeOrder()).asFloatBuffer(), 0, n);
        }

        @Override
        void copyTo(int offset, ByteBuffer bytes, int n) {
            bytes.order(ByteOrder.nativeOrder()).asFloatBuffer().put(0, b, offset, n);
        }

        FloatBuffer from(int offset) {
            return b.slice(offset, b.capacity() - offset);
        }
    }
}
