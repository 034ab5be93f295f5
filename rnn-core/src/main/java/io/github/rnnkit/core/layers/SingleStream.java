package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.spec.CellType;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * One sequence streamed a step at a time outside DL4J: the stack of rnnkit recurrent layers and
 * the output layer evaluated on plain arrays, with the state kept here. A DL4J
 * {@code rnnTimeStep} of batch 1 costs over 100 µs of framework work around a few µs of
 * arithmetic; this is the arithmetic. The equations are the layers' own ({@link GruLayer},
 * {@link LstmLayer}, {@link SimpleRnnLayer}, {@link MinRnnLayer}) and the output layer's ({@link RowLoss}), in double
 * precision on the network's parameters as they were when the stream was made;
 * {@code StreamingPredictorTest} checks that it equals the full forward pass.
 */
public final class SingleStream {
    private final List<Cell> cells;
    private final double[] wOut;
    private final double[] bOut;
    private final int nOut;
    private final RowLoss output;

    /** One recurrent layer: parameters row-major, and its state. */
    private static final class Cell {
        final CellType type;
        final boolean relu;
        final int nIn;
        final int h;
        final int width;
        final double[] w;
        final double[] rw;
        final double[] b;
        final double[] bhn;
        final double[] state;
        final double[] cell;
        final double[] gates;
        final double[] rec;

        Cell(CellType type, boolean relu, int nIn, int h, double[] w, double[] rw, double[] b, double[] bhn) {
            this.type = type;
            this.relu = relu;
            this.nIn = nIn;
            this.h = h;
            this.width = type.gates() * h;
            this.w = w;
            this.rw = rw;
            this.b = b;
            this.bhn = bhn;
            this.state = new double[h];
            this.cell = type == CellType.LSTM ? new double[h] : null;
            this.gates = new double[width];
            this.rec = new double[width];
        }

        double[] step(double[] x) {
            System.arraycopy(b, 0, gates, 0, width);
            for (int j = 0; j < nIn; j++) {
                double xj = x[j];
                int o = j * width;
                for (int k = 0; k < width; k++) {
                    gates[k] += xj * w[o + k];
                }
            }
            java.util.Arrays.fill(rec, 0);
            for (int j = 0; rw != null && j < h; j++) {
                double hj = state[j];
                int o = j * width;
                for (int k = 0; k < width; k++) {
                    rec[k] += hj * rw[o + k];
                }
            }
            switch (type) {
                case SIMPLE_RNN -> {
                    for (int k = 0; k < h; k++) {
                        double a = gates[k] + rec[k];
                        state[k] = relu ? Math.max(0, a) : Activations.tanh(a);
                    }
                }
                case LSTM -> {
                    for (int k = 0; k < h; k++) {
                        double i = Activations.sigmoid(gates[k] + rec[k]);
                        double f = Activations.sigmoid(gates[h + k] + rec[h + k]);
                        double g = Activations.tanh(gates[2 * h + k] + rec[2 * h + k]);
                        double o = Activations.sigmoid(gates[3 * h + k] + rec[3 * h + k]);
                        cell[k] = f * cell[k] + i * g;
                        state[k] = o * Activations.tanh(cell[k]);
                    }
                }
                case GRU -> {
                    for (int k = 0; k < h; k++) {
                        double r = Activations.sigmoid(gates[k] + rec[k]);
                        double z = Activations.sigmoid(gates[h + k] + rec[h + k]);
                        double n = Activations.tanh(gates[2 * h + k] + r * (rec[2 * h + k] + bhn[k]));
                        state[k] = (1 - z) * n + z * state[k];
                    }
                }
                case MIN_GRU -> {
                    for (int k = 0; k < h; k++) {
                        double z = Activations.sigmoid(gates[k]);
                        state[k] = (1 - z) * state[k] + z * gates[h + k];
                    }
                }
                case MIN_LSTM -> {
                    for (int k = 0; k < h; k++) {
                        double f = Activations.sigmoid(gates[k]);
                        double i = Activations.sigmoid(gates[h + k]);
                        state[k] = (f * state[k] + i * gates[2 * h + k]) / (f + i);
                    }
                }
            }
            return state;
        }

        void reset() {
            java.util.Arrays.fill(state, 0);
            if (cell != null) {
                java.util.Arrays.fill(cell, 0);
            }
        }
    }

    private SingleStream(List<Cell> cells, double[] wOut, double[] bOut, int nOut, RowLoss output) {
        this.cells = cells;
        this.wOut = wOut;
        this.bOut = bOut;
        this.nOut = nOut;
        this.output = output;
    }

    /**
     * @param net a network
     * @return a stream over a snapshot of its parameters, or null when it has other layers than
     *         rnnkit recurrent layers and a softmax or identity output layer
     */
    public static SingleStream of(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < layers.length - 1; i++) {
            if (layers[i].conf().getLayer() instanceof MinRnnLayer ml) {
                var p = layers[i].paramTable();
                cells.add(new Cell(ml.getCell(), false, (int) ml.getNIn(), (int) ml.getNOut(),
                        rowMajor(p.get(RecurrentParamInitializer.INPUT_WEIGHTS)), null,
                        rowMajor(p.get(RecurrentParamInitializer.BIAS)), null));
                continue;
            }
            if (!(layers[i].conf().getLayer() instanceof RecurrentLayerConf rc)) {
                return null;
            }
            var p = layers[i].paramTable();
            int nIn = (int) rc.getNIn();
            int h = (int) rc.getNOut();
            cells.add(new Cell(rc.cellType(), rc.getActivationFn() instanceof ActivationReLU, nIn, h,
                    rowMajor(p.get(RecurrentParamInitializer.INPUT_WEIGHTS)), rowMajor(p.get(RecurrentParamInitializer.RECURRENT_WEIGHTS)),
                    rowMajor(p.get(RecurrentParamInitializer.BIAS)),
                    rc.cellType() == CellType.GRU ? rowMajor(p.get(RecurrentParamInitializer.GRU_RECURRENT_BIAS)) : null));
        }
        Layer out = layers[layers.length - 1];
        if (cells.isEmpty() || !(out.conf().getLayer() instanceof BaseOutputLayer o)) {
            return null;
        }
        RowLoss output = RowLoss.forOutputs(o.getActivationFn());
        if (output == null) {
            return null;
        }
        var p = out.paramTable();
        return new SingleStream(cells, rowMajor(p.get("W")), rowMajor(p.get("b")), (int) o.getNOut(), output);
    }

    private static double[] rowMajor(INDArray a) {
        double[][] m = a.rank() == 1 ? new double[][]{a.toDoubleVector()} : a.toDoubleMatrix();
        int cols = m[0].length;
        double[] out = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /**
     * @param x one step's input features
     * @return the network's output at this step (probabilities for a classifier)
     * @throws IllegalArgumentException when {@code x} has the wrong number of features
     */
    public double[] step(double[] x) {
        double[] in = x;
        for (Cell c : cells) {
            if (in.length != c.nIn) {
                throw new IllegalArgumentException("a step has " + c.nIn + " input features, got " + in.length);
            }
            in = c.step(in);
        }
        return output.outputs(in, 1, in.length, wOut, bOut, nOut, null);
    }

    /** Forgets the state: the next step starts a new sequence. */
    public void reset() {
        cells.forEach(Cell::reset);
    }
}
