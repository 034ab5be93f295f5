package io.github.rnnkit.core.spec;

/** What the output layer predicts. */
public enum Task {
    /** Softmax over classes, trained with cross-entropy. */
    CLASSIFICATION,
    /** Identity output, trained with mean squared error. */
    REGRESSION
}
