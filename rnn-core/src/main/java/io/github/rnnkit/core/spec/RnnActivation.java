package io.github.rnnkit.core.spec;

/** The nonlinearity of a vanilla RNN cell (LSTM and GRU have fixed gate nonlinearities). */
public enum RnnActivation {
    /** tanh: bounded in (-1, 1), the usual choice. */
    TANH,
    /** ReLU: max(0, x), unbounded. */
    RELU
}
