package io.github.rnnkit.apps.weather;

import io.github.rnnkit.core.spec.CellType;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rnnkit weather} runs.
 *
 * @param lookBacks     look-backs of the article's experiment (days of history per forecast)
 * @param cells         cells to run it with
 * @param hidden        hidden units of the article's networks
 * @param learningRate  Adam's learning rate for the article's networks
 * @param epochs        full-batch epochs (= updates) of the article's networks
 * @param testFraction  share of the article's windows, the latest, held out for testing
 * @param seattleHidden hidden units on the Seattle data
 * @param seattleEpochs most epochs on the Seattle data (early stopping on validation)
 * @param seed          seed of the networks and of minibatch order
 * @param out           run folder, or null for {@code runs/weather-<timestamp>}
 * @param force        replace a run already in {@code out} (atomically) instead of refusing
 */
public record WeatherOptions(List<Integer> lookBacks, List<CellType> cells, int hidden, double learningRate, int epochs,
                             double testFraction, int seattleHidden, int seattleEpochs, long seed, Path out, boolean force) {
    /**
     * Checks the values.
     *
     * @param lookBacks look-backs of the article's experiment (days of history per forecast)
     * @param cells cells to run it with
     * @param hidden hidden units of the article's networks
     * @param learningRate Adam's learning rate for the article's networks
     * @param epochs full-batch epochs (= updates) of the article's networks
     * @param testFraction share of the article's windows, the latest, held out for testing
     * @param seattleHidden hidden units on the Seattle data
     * @param seattleEpochs most epochs on the Seattle data (early stopping on validation)
     * @param seed seed of the networks and of minibatch order
     * @param out run folder, or null for {@code runs/weather-<timestamp>}
     * @param force replace a run already in {@code out} (atomically) instead of refusing
     */
    public WeatherOptions {
        lookBacks = List.copyOf(lookBacks);
        cells = List.copyOf(cells);
        if (lookBacks.isEmpty() || lookBacks.stream().anyMatch(l -> l < 1)) {
            throw new IllegalArgumentException("--look-backs must be positive numbers of days; got " + lookBacks);
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("--cells needs at least one of rnn, lstm, gru, min-gru, min-lstm");
        }
        if (epochs < 1 || seattleEpochs < 1) {
            throw new IllegalArgumentException("--epochs and --seattle-epochs must be at least 1");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1; got " + testFraction);
        }
    }

    /**
     * The article's set-up: look-backs 10, 100, 1000, hidden 10, Adam 0.01, 100 full-batch epochs; Seattle: hidden 32, 30 epochs.
     *
     * @param out the run folder
     * @return the options
     */
    public static WeatherOptions defaults(Path out) {
        return new WeatherOptions(List.of(10, 100, 1000), CellType.CLASSIC, 10, 0.01, 100, 0.2, 32, 30, 42, out, false);
    }

    /**
     * A first look in seconds: 3 article epochs, 2 Seattle epochs.
     *
     * @param out the run folder
     * @return the options
     */
    public static WeatherOptions quick(Path out) {
        return defaults(out).withEpochs(3, 2);
    }

    /**
     * @param article epochs of each article run
     * @param seattle epochs of each Seattle run
     * @return these options with those epochs
     */
    public WeatherOptions withEpochs(int article, int seattle) {
        return new WeatherOptions(lookBacks, cells, hidden, learningRate, article, testFraction, seattleHidden, seattle, seed, out, force);
    }
}
