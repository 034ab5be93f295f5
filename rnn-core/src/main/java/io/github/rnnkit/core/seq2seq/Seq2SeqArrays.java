package io.github.rnnkit.core.seq2seq;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Conversions between the packed NCW arrays an {@link EncoderDecoderLayer} reads and the
 * time-major arrays of {@link EncoderDecoderMath}. A packed array is
 * {@code [miniBatch, F_source + F_target, S + T]}: source steps first (features
 * {@code [0, F_source)}), then decoder input steps (features {@code [F_source, F_source + F_target)}).
 */
public final class Seq2SeqArrays {
    private Seq2SeqArrays() {
    }

    /**
     * The parts of a packed input, time-major.
     *
     * @param source     {@code [S][mb][F_source]}
     * @param sourceMask {@code [mb][S]} or null
     * @param target     {@code [T][mb][F_target]}
     * @param targetMask {@code [mb][T]} or null
     */
    public record Unpacked(double[][][] source, double[][] sourceMask, double[][][] target, double[][] targetMask) {
    }

    /**
     * Packs a source and the decoder's inputs (NCW, {@code [mb, F, steps]} each) into one array.
     *
     * @param source  {@code [mb, F_source, S]}
     * @param target  {@code [mb, F_target, T]}
     * @return {@code [mb, F_source + F_target, S + T]} in the source's data type
     */
    public static INDArray pack(INDArray source, INDArray target) {
        long mb = source.size(0);
        if (target.size(0) != mb) {
            throw new IllegalArgumentException("source has " + mb + " sequences but the target " + target.size(0));
        }
        long fs = source.size(1);
        long s = source.size(2);
        INDArray out = Nd4j.zeros(source.dataType(), mb, fs + target.size(1), s + target.size(2));
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, fs),
                NDArrayIndex.interval(0, s)).assign(source);
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(fs, out.size(1)),
                NDArrayIndex.interval(s, out.size(2))).assign(target.castTo(source.dataType()));
        return out;
    }

    /**
     * Packs time-major parts (e.g. gradients) into an NCW array.
     *
     * @param source {@code [S][mb][F_source]}
     * @param target {@code [T][mb][F_target]}
     * @param fs     F_source
     * @param ft     F_target
     * @param type   the array's data type
     * @return {@code [mb, F_source + F_target, S + T]}
     */
    static INDArray pack(double[][][] source, double[][][] target, int fs, int ft, DataType type) {
        int s = source.length;
        int t = target.length;
        int mb = source[0].length;
        int f = fs + ft;
        int steps = s + t;
        double[] flat = new double[mb * f * steps];
        for (int e = 0; e < mb; e++) {
            for (int j = 0; j < s; j++) {
                for (int k = 0; k < fs; k++) {
                    flat[(e * f + k) * steps + j] = source[j][e][k];
                }
            }
            for (int j = 0; j < t; j++) {
                for (int k = 0; k < ft; k++) {
                    flat[(e * f + fs + k) * steps + s + j] = target[j][e][k];
                }
            }
        }
        return Nd4j.create(flat, new long[]{mb, f, steps}, 'c').castTo(type);
    }

    /**
     * @param packed {@code [mb, F_source + F_target, S + T]}
     * @param mask   {@code [mb, S + T]} or null
     * @param fs     F_source
     * @param ft     F_target
     * @param s      S
     * @return the parts, time-major
     */
    static Unpacked unpack(INDArray packed, INDArray mask, int fs, int ft, int s) {
        double[] x = packed.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int mb = (int) packed.size(0);
        int f = (int) packed.size(1);
        int steps = (int) packed.size(2);
        int t = steps - s;
        double[][][] source = new double[s][mb][fs];
        double[][][] target = new double[t][mb][ft];
        for (int e = 0; e < mb; e++) {
            for (int j = 0; j < s; j++) {
                for (int k = 0; k < fs; k++) {
                    source[j][e][k] = x[(e * f + k) * steps + j];
                }
            }
            for (int j = 0; j < t; j++) {
                for (int k = 0; k < ft; k++) {
                    target[j][e][k] = x[(e * f + fs + k) * steps + s + j];
                }
            }
        }
        double[][] sm = null;
        double[][] tm = null;
        if (mask != null) {
            double[] m = mask.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            sm = new double[mb][s];
            tm = new double[mb][t];
            for (int e = 0; e < mb; e++) {
                System.arraycopy(m, e * steps, sm[e], 0, s);
                System.arraycopy(m, e * steps + s, tm[e], 0, t);
            }
        }
        return new Unpacked(source, sm, target, tm);
    }

    /** @return {@code [mb, H, T]} from {@code [T][mb][H]} */
    static INDArray timeMajorToNcw(double[][][] v, DataType type) {
        int t = v.length;
        int mb = v[0].length;
        int h = v[0][0].length;
        double[] flat = new double[mb * h * t];
        for (int j = 0; j < t; j++) {
            for (int e = 0; e < mb; e++) {
                for (int k = 0; k < h; k++) {
                    flat[(e * h + k) * t + j] = v[j][e][k];
                }
            }
        }
        return Nd4j.create(flat, new long[]{mb, h, t}, 'c').castTo(type);
    }

    /** @return {@code [T][mb][H]} from {@code [mb, H, T]} */
    static double[][][] ncwToTimeMajor(INDArray a) {
        double[] x = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int mb = (int) a.size(0);
        int h = (int) a.size(1);
        int t = (int) a.size(2);
        double[][][] out = new double[t][mb][h];
        for (int e = 0; e < mb; e++) {
            for (int k = 0; k < h; k++) {
                for (int j = 0; j < t; j++) {
                    out[j][e][k] = x[(e * h + k) * t + j];
                }
            }
        }
        return out;
    }
}
