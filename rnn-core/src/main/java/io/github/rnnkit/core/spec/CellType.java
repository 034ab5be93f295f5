package io.github.rnnkit.core.spec;

import java.util.List;
import java.util.Locale;

/**
 * The recurrent cells rnnkit builds; all are rnnkit's own layers (see {@code core.layers}). The
 * three classic cells feed h_{t−1} into their gates, so a layer runs step after step; minGRU and
 * minLSTM (Feng et al. 2024) do not, so a layer is a linear recurrence over all steps at once
 * ({@link io.github.rnnkit.core.layers.MinRnnLayer}).
 */
public enum CellType {
    /** Elman RNN: {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}, act tanh or relu. */
    SIMPLE_RNN,
    /** Long short-term memory (Hochreiter and Schmidhuber 1997), PyTorch's formulation. */
    LSTM,
    /** Gated recurrent unit (Cho et al. 2014), PyTorch's formulation (reset after the recurrent product). */
    GRU,
    /** minGRU (Feng et al. 2024): {@code z = σ(x W_z + b_z)}, {@code h' = (1 − z) ⊙ h + z ⊙ (x W_h + b_h)}. */
    MIN_GRU,
    /**
     * minLSTM (Feng et al. 2024): {@code f = σ(x W_f + b_f)}, {@code i = σ(x W_i + b_i)},
     * {@code h' = (f ⊙ h + i ⊙ (x W_h + b_h)) / (f + i)}.
     */
    MIN_LSTM;

    /** The cells whose gates read h_{t−1}: vanilla RNN, LSTM and GRU, the articles' three. */
    public static final List<CellType> CLASSIC = List.of(SIMPLE_RNN, LSTM, GRU);

    /** @return gate blocks in the weight matrices: 1, 4 or 3; for the min cells their 2 or 3 input projections */
    public int gates() {
        return switch (this) {
            case SIMPLE_RNN -> 1;
            case LSTM -> 4;
            case GRU, MIN_LSTM -> 3;
            case MIN_GRU -> 2;
        };
    }

    /** @return true for minGRU and minLSTM, whose gates read only the input and which have no recurrent weights */
    public boolean parallelInTime() {
        return this == MIN_GRU || this == MIN_LSTM;
    }

    /** @return the command-line name: rnn, lstm, gru, min-gru or min-lstm */
    public String label() {
        return switch (this) {
            case SIMPLE_RNN -> "rnn";
            case MIN_GRU -> "min-gru";
            case MIN_LSTM -> "min-lstm";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** @return the name for reports and charts: vanilla RNN, LSTM, GRU, minGRU or minLSTM */
    public String displayName() {
        return switch (this) {
            case SIMPLE_RNN -> "vanilla RNN";
            case MIN_GRU -> "minGRU";
            case MIN_LSTM -> "minLSTM";
            default -> name();
        };
    }

    /**
     * Parses rnn (or simple_rnn), lstm, gru, min-gru (or mingru) and min-lstm (or minlstm).
     *
     * @param text the name, in any case
     * @return the cell
     */
    public static CellType parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "rnn", "simple-rnn", "vanilla" -> SIMPLE_RNN;
            case "lstm" -> LSTM;
            case "gru" -> GRU;
            case "min-gru", "mingru" -> MIN_GRU;
            case "min-lstm", "minlstm" -> MIN_LSTM;
            default -> throw new IllegalArgumentException("unknown cell '" + text
                    + "'; expected rnn, lstm, gru, min-gru or min-lstm");
        };
    }
}
