package io.github.rnnkit.core.torch;

import java.util.Arrays;

/**
 * An n-dimensional array as NumPy stores it in a {@code .npy} file: a shape and the values in
 * row-major (C) order, read into doubles whatever the file's float type.
 *
 * @param shape   dimensions; empty for a scalar
 * @param data    values in row-major order
 * @param float64 true when stored (or to be stored) as float64, false for float32
 */
public record NpyArray(long[] shape, double[] data, boolean float64) {
    /**
     * Checks that the data fit the shape.
     *
     * @param shape dimensions; empty for a scalar
     * @param data values in row-major order
     * @param float64 true when stored (or to be stored) as float64, false for float32
     */
    public NpyArray {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + data.length);
        }
    }

    /**
     * A float32 array.
     *
     * @param shape the shape
     * @param data the values, row-major
     * @return the array
     */
    public static NpyArray float32(long[] shape, double[] data) {
        return new NpyArray(shape, data, false);
    }

    /** @return number of dimensions */
    public int rank() {
        return shape.length;
    }

    /** @return e.g. {@code [12, 3]} */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
