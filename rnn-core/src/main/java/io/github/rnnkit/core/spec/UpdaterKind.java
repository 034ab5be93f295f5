package io.github.rnnkit.core.spec;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimisers a spec can name. */
public enum UpdaterKind {
    ADAM, SGD, RMSPROP,
    /** No update at all: for gradient checks. */
    NOOP;

    /** @return DL4J's updater with this learning rate */
    public IUpdater create(double learningRate) {
        return switch (this) {
            case ADAM -> new Adam(learningRate);
            case SGD -> new Sgd(learningRate);
            case RMSPROP -> new RmsProp(learningRate);
            case NOOP -> new NoOp();
        };
    }
}
