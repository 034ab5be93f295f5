package io.github.rnnkit.core.spec;

import java.util.Locale;

/** The recurrent cells rnnkit builds; all three are rnnkit's own layers (see {@code core.layers}). */
public enum CellType {
    /** Elman RNN: {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}, act tanh or relu. */
    SIMPLE_RNN,
    /** Long short-term memory (Hochreiter and Schmidhuber 1997), PyTorch's formulation. */
    LSTM,
    /** Gated recurrent unit (Cho et al. 2014), PyTorch's formulation (reset after the recurrent product). */
    GRU;

    /** @return gate blocks in the weight matrices: 1, 4 or 3 */
    public int gates() {
        return switch (this) {
            case SIMPLE_RNN -> 1;
            case LSTM -> 4;
            case GRU -> 3;
        };
    }

    /** @return the command-line name: rnn, lstm or gru */
    public String label() {
        return this == SIMPLE_RNN ? "rnn" : name().toLowerCase(Locale.ROOT);
    }

    /** @return the name for reports and charts: vanilla RNN, LSTM or GRU */
    public String displayName() {
        return this == SIMPLE_RNN ? "vanilla RNN" : name();
    }

    /**
     * Parses rnn (or simple_rnn), lstm or gru.
     *
     * @param text the name, in any case
     * @return the cell
     */
    public static CellType parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "rnn", "simple_rnn", "simple-rnn", "vanilla" -> SIMPLE_RNN;
            case "lstm" -> LSTM;
            case "gru" -> GRU;
            default -> throw new IllegalArgumentException("unknown cell '" + text + "'; expected rnn, lstm or gru");
        };
    }
}
