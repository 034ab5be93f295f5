package io.github.rnnkit.core.spec;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimisers a spec can name. */
public enum UpdaterKind {
    /** Adam (Kingma and Ba 2014), the default; DL4J's epsilon placement differs slightly from PyTorch's. */
    ADAM,
    /** Plain stochastic gradient descent: {@code w -= lr * g}. */
    SGD,
    /** RMSProp (Tieleman and Hinton 2012). */
    RMSPROP,
    /** No update at all: for gradient checks. */
    NOOP;

    /**
     * @param learningRate the learning rate (ignored by NOOP)
     * @return DL4J's updater with this learning rate
     */
    public IUpdater create(double learningRate) {
        return switch (this) {
            case ADAM -> new Adam(learningRate);
            case SGD -> new Sgd(learningRate);
            case RMSPROP -> new RmsProp(learningRate);
            case NOOP -> new NoOp();
        };
    }
}
