package io.github.rnnkit.core.spec;


/**
 * Hidden sizes that give the cells (nearly) the same number of parameters, so a comparison
 * is between cells and not between model sizes. For one recurrent layer of H units on I inputs
 * with g gate blocks (1 vanilla, 4 LSTM, 3 GRU) and an output layer of O units:
 * <pre>
 *   params = g·H·(I + H + 1) + [GRU: H] + H·O + O
 * </pre>
 * and for minGRU (g = 2) and minLSTM (g = 3), which have no recurrent weights, g·H·(I + 1) + H·O + O.
 * (rnnkit's layers keep one bias per gate; the GRU's extra H is the candidate gate's recurrent
 * bias, which PyTorch's reset-after formulation needs.)
 */
public final class ParameterMatch {
    private ParameterMatch() {
    }

    /**
     * @param cell the cell
     * @param inputs input features per step
     * @param hidden hidden units
     * @param outputs output units
     * @return trainable parameters of a one-layer network of {@code cell}
     */
    public static long count(CellType cell, int inputs, int hidden, int outputs) {
        long h = hidden;
        long recurrent = cell.parallelInTime() ? 0 : h;
        return cell.gates() * h * (inputs + recurrent + 1) + (cell == CellType.GRU ? h : 0) + h * outputs + outputs;
    }

    /**
     * @param cell the cell
     * @param inputs input features per step
     * @param hidden hidden units of every layer
     * @param outputs output units
     * @param layers stacked layers of {@code hidden} units (the first reads the inputs, the others the layer below)
     * @return trainable parameters of a {@code layers}-deep network of {@code cell}
     */
    public static long count(CellType cell, int inputs, int hidden, int outputs, int layers) {
        long total = count(cell, inputs, hidden, outputs);
        for (int l = 1; l < layers; l++) {
            total += count(cell, hidden, hidden, 0);
        }
        return total;
    }

    /**
     * @param cell the cell
     * @param inputs input features per step
     * @param outputs output units
     * @param target the parameter count to approach
     * @param layers stacked layers of equal size
     * @return the hidden size per layer whose count is closest to {@code target} (the smaller on a tie)
     */
    public static int hiddenFor(CellType cell, int inputs, int outputs, long target, int layers) {
        int best = 1;
        for (int h = 1; count(cell, inputs, h, outputs, layers) <= 2 * target + 10; h++) {
            if (Math.abs(count(cell, inputs, h, outputs, layers) - target)
                    < Math.abs(count(cell, inputs, best, outputs, layers) - target)) {
                best = h;
            }
        }
        return best;
    }

    /**
     * @param cell the cell
     * @param inputs input features per step
     * @param outputs output units
     * @param target the parameter count to approach
     * @return the hidden size whose count is closest to {@code target} (the smaller on a tie)
     */
    public static int hiddenFor(CellType cell, int inputs, int outputs, long target) {
        int best = 1;
        for (int h = 1; count(cell, inputs, h, outputs) <= 2 * target + 10; h++) {
            if (Math.abs(count(cell, inputs, h, outputs) - target) < Math.abs(count(cell, inputs, best, outputs) - target)) {
                best = h;
            }
        }
        return best;
    }
}
