package io.github.rnnkit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The examples, each a class of its own in this package whose {@code main} calls a {@code run}
 * that returns what a test checks. Run one from an IDE, with
 * {@code ./rnnkit example NAME [--quick]}, or with
 * {@code mvn -q -pl rnn-apps exec:java -Dexec.mainClass=io.github.rnnkit.examples.NAME}.
 */
public final class Examples {
    /**
     * One example.
     *
     * @param name    its class's simple name
     * @param summary what it shows, in one line
     * @param main    its {@code main}
     */
    public record Entry(String name, String summary, Consumer<String[]> main) {
    }

    /** Every example, in the order a newcomer would read them. */
    public static final List<Entry> ALL = List.of(
            new Entry("WeatherForecast", "Seattle weather: train a GRU, beat (or not) three baselines, save, reload, "
                    + "forecast tomorrow", WeatherForecast::main),
            new Entry("StockPrices", "close and volume: truncated BPTT and clipping in the spec, forecast against naive "
                    + "and drift", StockPrices::main),
            new Entry("CompareCells", "vanilla RNN vs LSTM vs GRU on the same data, split, seed and parameter budget",
                    CompareCells::main),
            new Entry("ReverseWithAttention", "an encoder-decoder reverses symbol sequences: the fixed-size bottleneck "
                    + "against Bahdanau attention, attention weights, save and reload", ReverseWithAttention::main),
            new Entry("Streaming", "a year of days fed one at a time gives the full pass's outputs", Streaming::main),
            new Entry("TorchInterop", "export weights to a PyTorch .npz and import them back: the same outputs",
                    TorchInterop::main),
            new Entry("ToyRnnByHand", "the seed article's one-unit RNN worked out by hand beside the network",
                    ToyRnnByHand::main));

    private Examples() {
    }

    /**
     * @param name the example's class name
     * @return the example of that name (any case)
     */
    public static Entry byName(String name) {
        return ALL.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown example '" + name + "'; expected one of "
                        + String.join(", ", ALL.stream().map(Entry::name).toList())));
    }

    /** @return true when the arguments ask for the quick run */
    static boolean quick(String[] args) {
        return Arrays.asList(args).contains("--quick");
    }

    /** @return a new folder for an example's files: the argument after {@code --out}, else a temporary one */
    static Path outputDir(String[] args, String name) {
        List<String> a = Arrays.asList(args);
        int i = a.indexOf("--out");
        try {
            if (i >= 0 && i + 1 < a.size()) {
                return Files.createDirectories(Path.of(a.get(i + 1)));
            }
            return Files.createTempDirectory("rnnkit-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder: " + e.getMessage(), e);
        }
    }
}
