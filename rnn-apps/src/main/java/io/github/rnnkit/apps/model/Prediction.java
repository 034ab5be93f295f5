package io.github.rnnkit.apps.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The model's forecast from the end of a series.
 *
 * @param lastDate      the date of the series' last step, or null
 * @param classes       categorical: the categories, else null
 * @param probabilities categorical: the probability of each category for the next step, else null
 * @param prices        price: the next H prices, else null
 * @param lastPrice     price: the series' last price, else NaN
 * @param steps         an encoder-decoder over categories: the most likely category of each next step, else null
 * @param attention     an encoder-decoder with attention: per forecast step the weights over the steps read, else null
 */
public record Prediction(LocalDate lastDate, List<String> classes, double[] probabilities, double[] prices,
                         double lastPrice, List<String> steps, double[][] attention) {
    /**
     * A one-step categorical or an H-step price forecast without attention weights.
     *
     * @param lastDate      the date of the series' last step, or null
     * @param classes       categorical: the categories, else null
     * @param probabilities categorical: the probability of each category, else null
     * @param prices        price: the next H prices, else null
     * @param lastPrice     price: the series' last price, else NaN
     */
    public Prediction(LocalDate lastDate, List<String> classes, double[] probabilities, double[] prices, double lastPrice) {
        this(lastDate, classes, probabilities, prices, lastPrice, null, null);
    }

    /** @return the most probable category (categorical models) */
    public String category() {
        return classes.get(io.github.rnnkit.core.eval.CategoricalForecast.argMax(probabilities));
    }
}
