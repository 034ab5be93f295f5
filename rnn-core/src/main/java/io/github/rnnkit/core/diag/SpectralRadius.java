package io.github.rnnkit.core.diag;

import io.github.rnnkit.core.layers.RecurrentLayerConf;
import io.github.rnnkit.core.layers.RecurrentParamInitializer;
import io.github.rnnkit.core.layers.RecurrentRuntimeLayer;
import io.github.rnnkit.core.spec.CellType;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The spectral radius (largest |eigenvalue|) of each gate block of each recurrent weight
 * matrix. For a vanilla RNN, a radius below 1 makes gradients vanish over time and one above 1
 * lets them explode, up to tanh's saturation (Pascanu et al. 2013); for gated cells the gates,
 * not the radii, govern the gradient's path back in time ({@link #meaning}).
 */
public final class SpectralRadius {
    private SpectralRadius() {
    }

    /**
     * @param layer  the layer index in the network
     * @param cell   its cell
     * @param gates  gate names, in block order (e.g. i, f, g, o)
     * @param radius the spectral radius of each gate's {@code H x H} block of RW
     */
    public record LayerRadii(int layer, CellType cell, List<String> gates, double[] radius) {
    }

    /**
     * @param cell a cell
     * @return what the radii of its recurrent blocks say about gradients through time, and what
     *         they do not
     */
    public static String meaning(CellType cell) {
        return switch (cell) {
            case SIMPLE_RNN -> "For the vanilla RNN, h_t = tanh(W x_t + U h_{t−1} + b), the Jacobian ∂h_t/∂h_{t−1} is "
                    + "diag(1 − h_t²)·U: with U's spectral radius below 1, gradients through time shrink step by step; above 1 "
                    + "they can grow, as far as tanh's saturation (1 − h² near 0) lets them.";
            case LSTM -> "For the LSTM the radii describe how each gate and the candidate respond to h_{t−1}, not whether "
                    + "gradients vanish: along the cell state, c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t, the gradient is multiplied by "
                    + "the forget gate f_t at each step, so with f_t near 1 it passes back unchanged whatever the radii.";
            case GRU -> "For the GRU the radii describe how the gates and the candidate respond to h_{t−1}, not whether "
                    + "gradients vanish: the update gate mixes h_{t−1} and the candidate, and where it keeps h_{t−1} the "
                    + "gradient passes back unchanged whatever the radii.";
            case MIN_GRU, MIN_LSTM -> "The " + cell.displayName() + " has no recurrent weights, so there are no radii: its "
                    + "state enters step t only through h_t = a_t ⊙ h_{t−1} + b_t, with a_t = 1 − z_t (minGRU) or "
                    + "f_t/(f_t + i_t) (minLSTM) between 0 and 1, so ∂h_t/∂h_{t−1} = diag(a_t): gradients through time "
                    + "cannot grow, and shrink where the gate forgets.";
        };
    }

    /**
     * @param net a network with rnnkit recurrent layers
     * @return the radii of every rnnkit recurrent layer, in layer order
     */
    public static List<LayerRadii> of(MultiLayerNetwork net) {
        List<LayerRadii> out = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof RecurrentRuntimeLayer r) {
                CellType cell = ((RecurrentLayerConf) r.conf().getLayer()).cellType();
                INDArray rw = r.getParam(RecurrentParamInitializer.RECURRENT_WEIGHTS);
                int h = (int) rw.size(0);
                double[] radius = new double[cell.gates()];
                for (int g = 0; g < radius.length; g++) {
                    double[][] block = new double[h][h];
                    for (int a = 0; a < h; a++) {
                        for (int b = 0; b < h; b++) {
                            block[a][b] = rw.getDouble(a, (long) g * h + b);
                        }
                    }
                    radius[g] = of(block);
                }
                out.add(new LayerRadii(i, cell, gateNames(cell), radius));
            }
        }
        return out;
    }

    /**
     * @param m a square matrix, rows first
     * @return the spectral radius of a square matrix
     */
    public static double of(double[][] m) {
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] re = e.getRealEigenvalues();
        double[] im = e.getImagEigenvalues();
        double max = 0;
        for (int i = 0; i < re.length; i++) {
            max = Math.max(max, Math.hypot(re[i], im[i]));
        }
        return max;
    }

    static List<String> gateNames(CellType cell) {
        return switch (cell) {
            case SIMPLE_RNN -> List.of("h");
            case LSTM -> List.of("i", "f", "g", "o");
            case GRU -> List.of("r", "z", "n");
            case MIN_GRU -> List.of("z", "h~");
            case MIN_LSTM -> List.of("f", "i", "h~");
        };
    }
}
