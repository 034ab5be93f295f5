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
 */
public record Prediction(LocalDate lastDate, List<String> classes, double[] probabilities, double[] prices,
                         double lastPrice) {
    /** @return the most probable category (categorical models) */
    public String category() {
        return classes.get(io.github.rnnkit.core.eval.CategoricalForecast.argMax(probabilities));
    }
}
