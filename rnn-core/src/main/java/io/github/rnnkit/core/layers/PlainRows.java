package io.github.rnnkit.core.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The rows of {@link TimeMajorOutputLayer}'s {@code [T*mb, H]} input that a per-step mask keeps
 * (all rows when there is no mask), with the layer's parameters, copied out of ND4J as plain
 * row-major {@code double} arrays for {@link RowLoss}; and the way back: kept rows spread into
 * ND4J arrays, zero in the rows the mask drops. A many-to-one window keeps one row in T (its last
 * step), so the arithmetic and the copies are over {@code mb} rows, not {@code T*mb}.
 *
 * <p>Rows are read as few ND4J operations as possible: DL4J's per-row views ({@code getRows})
 * build shape buffers for every row, which cost 60 % of a full-batch update at 1,192 rows. Runs
 * of consecutive kept rows (a many-to-one batch's last step is one run) are one view each; more
 * than {@value #MAX_VIEWS} runs (uneven lengths) are gathered from one copy of the whole array.
 *
 * @param loss the row arithmetic
 * @param kept the rows the mask keeps, ascending, or null for all
 * @param mask their mask values, or null
 * @param all  the number of time-major rows {@code T*mb}
 * @param mb   the minibatch size (rows {@code t*mb .. t*mb + mb - 1} are step t)
 * @param h    inputs per row
 * @param k    outputs per row
 * @param type the layer's data type
 * @param x    the kept rows of the input {@code [count, h]}, row-major
 * @param w    the weights {@code [h, k]}, row-major
 * @param b    the bias {@code [k]}
 */
record PlainRows(RowLoss loss, int[] kept, double[] mask, long all, long mb, int h, int k, DataType type, double[] x,
                 double[] w, double[] b) {
    /**
     * Most multiply-adds ({@code rows · H · K}) one pass of the plain-array route does: beyond it,
     * the scalar loops cost more than DL4J's per-op overhead saves (measured: 3,200 rows of 64 by
     * 1, a many-to-many batch, took 6-17 ms per update in plain arithmetic against 3 ms through DL4J;
     * 1,192 rows of 10 by 3 took a tenth of DL4J's time).
     */
    static final long MAX_WORK = 1L << 16;

    /** Above this many runs of consecutive kept rows, the whole array is copied once and gathered. */
    static final int MAX_VIEWS = 8;

    /**
     * The rows a per-row mask keeps.
     *
     * @param rows the kept rows, ascending, or null for all
     * @param mask their mask values, or null
     */
    record Kept(int[] rows, double[] mask) {
        /** Every row. */
        static final Kept ALL = new Kept(null, null);

        /**
         * @param mask the per-row mask {@code [T*mb, 1]}, or null
         * @return the rows with a nonzero mask value
         */
        static Kept of(INDArray mask) {
            if (mask == null) {
                return ALL;
            }
            double[] every = values(mask);
            int[] rows = IntStream.range(0, every.length).filter(r -> every[r] != 0).toArray();
            return new Kept(rows, Arrays.stream(rows).mapToDouble(r -> every[r]).toArray());
        }
    }

    /**
     * @param loss the row arithmetic
     * @param x    the {@code [T*mb, H]} input
     * @param mb   the minibatch size
     * @param kept the rows the mask keeps
     * @param w    the weights {@code [H, K]}
     * @param b    the bias {@code [1, K]}
     * @return the kept rows of {@code x} with the parameters as plain arrays
     */
    static PlainRows of(RowLoss loss, INDArray x, long mb, Kept kept, INDArray w, INDArray b) {
        return new PlainRows(loss, kept.rows(), kept.mask(), x.size(0), mb, (int) x.size(1), (int) w.size(1), w.dataType(),
                rows(x, kept.rows()), values(w), values(b));
    }

    /** @return the kept rows' outputs, {@code [count, k]} row-major (see {@link RowLoss#outputs}) */
    double[] outputs() {
        return loss.outputs(x, count(), h, w, b, k, mask);
    }

    /**
     * @param labels the kept rows' labels, {@code [count, k]} row-major
     * @return the kept rows' summed loss (see {@link RowLoss#score})
     */
    double score(double[] labels) {
        return loss.score(x, count(), h, w, b, k, labels, mask);
    }

    /**
     * @param labels the kept rows' labels, {@code [count, k]} row-major
     * @return ∂loss/∂z of the kept rows (see {@link RowLoss#gradient})
     */
    double[] gradient(double[] labels) {
        return loss.gradient(x, count(), h, w, b, k, labels, mask);
    }

    /** @return the number of kept rows */
    int count() {
        return kept == null ? (int) all : kept.length;
    }

    /** @return the kept rows of a {@code [all, n]} array, row-major */
    double[] rows(INDArray a) {
        return rows(a, kept);
    }

    /**
     * @param labels the labels {@code [mb, K, T]} (row {@code t*mb + i} is example i at step t)
     * @return the kept rows of the labels, {@code [count, K]} row-major, read without DL4J's
     *         reshape of all {@code T*mb} rows to 2D
     */
    double[] labelRows(INDArray labels) {
        if (kept != null && kept.length > 0) {
            int first = kept[0];
            int last = kept[kept.length - 1];
            long t = first / mb;
            if (last / mb == t && last - first == kept.length - 1) {
                // one step, consecutive examples: a many-to-one batch's labels at its last step
                return values(labels.get(NDArrayIndex.interval(first - t * mb, last - t * mb + 1), NDArrayIndex.all(),
                        NDArrayIndex.point(t)));
            }
        }
        return rows(labels.permute(2, 0, 1).reshape('c', all, labels.size(1)), kept);
    }

    /**
     * @param compact {@code [count, n]} values, row-major
     * @param n       values per row
     * @param mgr     the layer's workspaces
     * @param arrayType where the result is allocated
     * @return {@code compact} spread back to an {@code [all, n]} array of the layer's type, 0 in the rows the mask drops
     */
    INDArray spread(double[] compact, int n, LayerWorkspaceMgr mgr, ArrayType arrayType) {
        long[] shape = {all, n};
        if (kept == null) {
            INDArray out = mgr.createUninitialized(arrayType, type, shape, 'c');
            write(compact, 0, compact.length, out);
            return out;
        }
        int runs = runs(kept);
        if (runs > MAX_VIEWS) {
            double[] full = new double[(int) all * n];
            for (int i = 0; i < kept.length; i++) {
                System.arraycopy(compact, i * n, full, kept[i] * n, n);
            }
            INDArray out = mgr.createUninitialized(arrayType, type, shape, 'c');
            write(full, 0, full.length, out);
            return out;
        }
        INDArray out = mgr.create(arrayType, type, shape, 'c');
        for (int i = 0; i < kept.length; ) {
            int j = endOfRun(kept, i);
            write(compact, i * n, (j - i + 1) * n, out.get(NDArrayIndex.interval(kept[i], kept[j] + 1L), NDArrayIndex.all()));
            i = j + 1;
        }
        return out;
    }

    /**
     * The layer's backward pass over the kept rows, from {@code d = ∂loss/∂z} ({@code [count, k]}):
     * {@code ∂W = xᵀ d}, {@code ∂b = Σ_rows d}, {@code ∂x = d Wᵀ} (0 in the rows the mask drops).
     *
     * @param d   ∂loss/∂z of the kept rows, row-major (already times each row's mask)
     * @param dW  the weight gradient view, overwritten
     * @param db  the bias gradient view, overwritten
     * @param mgr the layer's workspaces
     * @return ∂loss/∂x, {@code [all, h]}
     */
    INDArray backward(double[] d, INDArray dW, INDArray db, LayerWorkspaceMgr mgr) {
        int rows = count();
        double[] gw = new double[h * k];
        double[] gb = new double[k];
        double[] gx = new double[rows * h];
        for (int r = 0; r < rows; r++) {
            int dr = r * k;
            int xr = r * h;
            for (int c = 0; c < k; c++) {
                gb[c] += d[dr + c];
            }
            for (int j = 0; j < h; j++) {
                double xj = x[xr + j];
                int o = j * k;
                double s = 0;
                for (int c = 0; c < k; c++) {
                    double dc = d[dr + c];
                    gw[o + c] += xj * dc;
                    s += dc * w[o + c];
                }
                gx[xr + j] = s;
            }
        }
        write(gw, 0, gw.length, dW);
        write(gb, 0, gb.length, db);
        return spread(gx, h, mgr, ArrayType.ACTIVATION_GRAD);
    }

    /** @return the rows {@code kept} (all when null) of a {@code [all, n]} array, row-major */
    private static double[] rows(INDArray a, int[] kept) {
        if (kept == null) {
            return values(a);
        }
        int n = (int) a.size(1);
        double[] out = new double[kept.length * n];
        // a truncated-BPTT segment before a many-to-one label keeps no row at all
        if (kept.length == 0) {
            return out;
        }
        if (runs(kept) > MAX_VIEWS) {
            double[] every = values(a);
            for (int i = 0; i < kept.length; i++) {
                System.arraycopy(every, kept[i] * n, out, i * n, n);
            }
            return out;
        }
        for (int i = 0; i < kept.length; ) {
            int j = endOfRun(kept, i);
            double[] run = values(a.get(NDArrayIndex.interval(kept[i], kept[j] + 1L), NDArrayIndex.all()));
            System.arraycopy(run, 0, out, i * n, run.length);
            i = j + 1;
        }
        return out;
    }

    private static int runs(int[] kept) {
        int runs = kept.length == 0 ? 0 : 1;
        for (int i = 1; i < kept.length; i++) {
            runs += kept[i] == kept[i - 1] + 1 ? 0 : 1;
        }
        return runs;
    }

    /** @return the index of the last element of the run of consecutive values that starts at {@code i} */
    private static int endOfRun(int[] kept, int i) {
        int j = i;
        while (j + 1 < kept.length && kept[j + 1] == kept[j] + 1) {
            j++;
        }
        return j;
    }

    /** @return all of {@code a} in row-major order, as doubles */
    static double[] values(INDArray a) {
        INDArray c = plain(a) ? a : a.dup('c');
        int n = Math.toIntExact(c.length());
        double[] out = new double[n];
        // Read through the buffer's memory: ND4J's castTo and asDouble were a tenth of a small update.
        if (c.dataType() == DataType.FLOAT) {
            float[] f = new float[n];
            c.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().get(0, f);
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        } else if (c.dataType() == DataType.DOUBLE) {
            c.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer().get(0, out);
        } else {
            return c.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        }
        return out;
    }

    /** Writes {@code n} values of {@code src} from {@code from} into all of {@code target}, in row-major order. */
    static void write(double[] src, int from, int n, INDArray target) {
        if (plain(target) && target.dataType() == DataType.FLOAT) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[from + i];
            }
            target.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().put(0, f);
        } else if (plain(target) && target.dataType() == DataType.DOUBLE) {
            target.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer().put(0, src, from, n);
        } else {
            target.assign(Nd4j.create(Arrays.copyOfRange(src, from, from + n), target.shape(), DataType.DOUBLE));
        }
    }

    /** @return true when {@code a}'s elements are its buffer's first, in row-major order (a view at an offset is not) */
    private static boolean plain(INDArray a) {
        // judged by the strides: ND4J reports some permuted views as 'c' order
        return a.offset() == 0 && a.data().offset() == 0 && a.length() <= a.data().length()
                && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
    }
}
