package io.github.rnnkit.core.seq2seq;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an encoder-decoder's decoder reads the encoder's states. */
public enum AttentionKind {
    /**
     * No attention: the decoder starts from the encoder's final states and sees nothing else of the
     * input, the fixed-size bottleneck of Sutskever et al. 2014 and Cho et al. 2014.
     */
    NONE,
    /**
     * Bahdanau et al. 2014 (additive): before step t the previous decoder state s_{t−1} scores
     * every encoder state, e_j = v · tanh(W s_{t−1} + U h_j), and the context c_t = Σ_j softmax(e)_j h_j
     * enters the recurrence with the step's input: s_t = cell([y_{t−1}; c_t], s_{t−1}).
     */
    BAHDANAU,
    /**
     * Luong et al. 2015 ("general" score): after step t, e_j = s_t · (W h_j), c_t as above, and the
     * decoder's output is h̃_t = tanh(W_c [s_t; c_t] + b_c).
     */
    LUONG;

    /** @return the command-line name: none, bahdanau or luong */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a label, any case
     * @return the attention kind
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static AttentionKind parse(String text) {
        for (AttentionKind k : values()) {
            if (k.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown attention '" + text + "'; expected one of "
                + Arrays.stream(values()).map(AttentionKind::label).collect(Collectors.joining(", ")));
    }
}
