package io.github.rnnkit.apps.seq2seq;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.core.seq2seq.AttentionKind;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.synth.SymbolSequences;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit seq2seq} runs.
 *
 * @param cells          cells of the bottleneck sweep (RNN, LSTM, GRU)
 * @param attentions     attention kinds of the bottleneck sweep
 * @param lengths        source lengths of the bottleneck sweep (every pair of a run has this length)
 * @param task           copy or reverse
 * @param vocabulary     distinct symbols V
 * @param hidden         units of every encoder-decoder (and Bahdanau's attention size)
 * @param trainPairs     training pairs per bottleneck run
 * @param epochs         passes over them: the same budget for every run
 * @param testPairs      unseen pairs decoded per run
 * @param learningRate   Adam's step size
 * @param priceInput     a user's price CSV, or null for synthetic GBM prices
 * @param gbmDays        length of the synthetic series
 * @param priceWindow    days the encoder reads
 * @param priceHorizon   days forecast
 * @param priceEpochs    epochs of each price model (the best on validation is kept)
 * @param weatherWindow  days of weather the encoder reads
 * @param weatherHorizon days forecast
 * @param weatherEpochs  epochs of each weather model (the best on validation is kept)
 * @param workers        bottleneck runs trained at once (each on one thread)
 * @param seed           seed of data and networks
 * @param out            run folder, or null for runs/seq2seq-TIMESTAMP
 * @param force          replace a run already in {@code out}
 */
public record Seq2SeqOptions(List<CellType> cells, List<AttentionKind> attentions, List<Integer> lengths,
                             SymbolSequences.Kind task, int vocabulary, int hidden, int trainPairs, int epochs, int testPairs,
                             double learningRate, SeriesInput priceInput, int gbmDays, int priceWindow, int priceHorizon,
                             int priceEpochs, int weatherWindow, int weatherHorizon, int weatherEpochs, int workers, long seed,
                             Path out, boolean force) {
    /**
     * Validates the values.
     *
     * @param cells cells of the bottleneck sweep (RNN, LSTM, GRU)
     * @param attentions attention kinds of the bottleneck sweep
     * @param lengths source lengths of the bottleneck sweep (every pair of a run has this length)
     * @param task copy or reverse
     * @param vocabulary distinct symbols V
     * @param hidden units of every encoder-decoder (and Bahdanau's attention size)
     * @param trainPairs training pairs per bottleneck run
     * @param epochs passes over them: the same budget for every run
     * @param testPairs unseen pairs decoded per run
     * @param learningRate Adam's step size
     * @param priceInput a user's price CSV, or null for synthetic GBM prices
     * @param gbmDays length of the synthetic series
     * @param priceWindow days the encoder reads
     * @param priceHorizon days forecast
     * @param priceEpochs epochs of each price model (the best on validation is kept)
     * @param weatherWindow days of weather the encoder reads
     * @param weatherHorizon days forecast
     * @param weatherEpochs epochs of each weather model (the best on validation is kept)
     * @param workers bottleneck runs trained at once (each on one thread)
     * @param seed seed of data and networks
     * @param out run folder, or null for runs/seq2seq-TIMESTAMP
     * @param force replace a run already in {@code out}
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public Seq2SeqOptions {
        require(!cells.isEmpty() && cells.stream().noneMatch(CellType::parallelInTime),
                "--cells: the encoder-decoder runs rnn, lstm and gru, got " + cells);
        require(!attentions.isEmpty(), "--attention: at least one of none, bahdanau, luong");
        require(!lengths.isEmpty() && lengths.stream().allMatch(l -> l >= 1), "--lengths: positive lengths, got " + lengths);
        require(vocabulary >= 2, "--vocabulary: at least 2 symbols, got " + vocabulary);
        require(hidden >= 1, "--hidden: at least 1, got " + hidden);
        require(trainPairs >= 1 && epochs >= 1 && testPairs >= 1, "--pairs, --epochs and test pairs must be at least 1");
        require(priceWindow >= 2 && priceHorizon >= 1, "--price-window at least 2 and --horizon at least 1");
        require(weatherWindow >= 1 && weatherHorizon >= 1, "--weather-window and --weather-horizon at least 1");
        require(workers >= 1, "--workers: at least 1, got " + workers);
    }

    /**
     * The full run: GRU, LSTM and vanilla RNN, none / Bahdanau / Luong, lengths 5 to 80, 600
     * updates each; about 13 minutes on 2 cores.
     *
     * @param out the run folder, or null
     * @return the defaults
     */
    public static Seq2SeqOptions defaults(Path out) {
        return new Seq2SeqOptions(List.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU), List.of(AttentionKind.values()),
                List.of(5, 10, 20, 40, 60, 80), SymbolSequences.Kind.REVERSE, 8, 64, 6400, 3, 300, 0.005, null, 2000, 30, 10, 15,
                14, 7, 15, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, out, false);
    }

    /**
     * A first look in under a minute: GRU only, lengths 5 and 10, fewer pairs and epochs.
     *
     * @param out the run folder, or null
     * @return the quick settings
     */
    public static Seq2SeqOptions quick(Path out) {
        return new Seq2SeqOptions(List.of(CellType.GRU), List.of(AttentionKind.values()), List.of(5, 10),
                SymbolSequences.Kind.REVERSE, 8, 32, 1280, 3, 100, 0.005, null, 800, 20, 5, 3, 14, 7, 3,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 1, out, false);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
