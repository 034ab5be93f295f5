package io.github.rnnkit.apps.forward;

import io.github.rnnkit.apps.model.BundlePath;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.csv.NumericCsv;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

/** Runs a saved model over one sequence and returns its output at every step. */
public final class ForwardApp {
    private ForwardApp() {
    }

    /**
     * @param model the model file
     * @param input CSV without header: one row per step, one column per input feature
     * @return outputs {@code [step][output]}
     */
    public static double[][] run(Path model, Path input) {
        // A bundle (or a train run holding one) is as good as its network file.
        Path dir = BundlePath.resolve(model);
        RnnNetwork net = java.nio.file.Files.isDirectory(dir) ? ModelBundle.load(dir).network() : ModelFiles.read(model);
        double[][] rows = NumericCsv.read(input);
        long nIn = net.layerInputSize(0);
        if (rows[0].length != nIn) {
            throw new DataException(input.toString(), "has " + rows[0].length + " columns but the model takes " + nIn
                    + " input features per step");
        }
        double limit = net.params().dataType() == DataType.DOUBLE ? Double.MAX_VALUE : Float.MAX_VALUE;
        for (int t = 0; t < rows.length; t++) {
            for (int f = 0; f < rows[t].length; f++) {
                if (!(Math.abs(rows[t][f]) <= limit)) {
                    throw new DataException(input.toString(), t + 1, "column " + (f + 1), rows[t][f]
                            + " does not fit the model's " + net.params().dataType().name().toLowerCase(java.util.Locale.ROOT)
                            + " numbers (largest " + limit + ")");
                }
            }
        }
        INDArray x = Nd4j.create(rows).castTo(net.params().dataType()).transpose().reshape(1, nIn, rows.length);
        INDArray y = net.output(x);
        double[][] out = y.reshape(y.size(1), y.size(2)).transpose().toDoubleMatrix();
        for (int t = 0; t < out.length; t++) {
            for (double v : out[t]) {
                if (!Double.isFinite(v)) {
                    throw new DataException(input.toString(), t + 1, null, "the network's output at this step is " + v
                            + ": the inputs up to here overflow its arithmetic; scale them (e.g. to z-scores) first");
                }
            }
        }
        return out;
    }
}
