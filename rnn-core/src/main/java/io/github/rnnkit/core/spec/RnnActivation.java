package io.github.rnnkit.core.spec;

/** The nonlinearity of a vanilla RNN cell (LSTM and GRU have fixed gate nonlinearities). */
public enum RnnActivation {
    TANH, RELU
}
