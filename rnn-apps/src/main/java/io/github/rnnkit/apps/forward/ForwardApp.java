package io.github.rnnkit.apps.forward;

import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.csv.NumericCsv;
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
        RnnNetwork net = ModelFiles.read(model);
        double[][] rows = NumericCsv.read(input);
        long nIn = net.layerInputSize(0);
        if (rows[0].length != nIn) {
            throw new DataException(input.toString(), "has " + rows[0].length + " columns but the model takes " + nIn
                    + " input features per step");
        }
        INDArray x = Nd4j.create(rows).castTo(net.params().dataType()).transpose().reshape(1, nIn, rows.length);
        INDArray y = net.output(x);
        return y.reshape(y.size(1), y.size(2)).transpose().toDoubleMatrix();
    }
}
