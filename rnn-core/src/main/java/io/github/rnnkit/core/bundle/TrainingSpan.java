package io.github.rnnkit.core.bundle;

import java.time.LocalDate;

/**
 * The steps of its data a model was trained on: the training part of a chronological split,
 * which starts at the series' first step. Evaluating the model on these steps again measures
 * how well it remembers them, not how well it forecasts.
 *
 * @param steps the training part's length: steps {@code 0 .. steps − 1} of the source
 * @param first the first step's date, or null when the series has no dates
 * @param last  the last training step's date, or null when the series has no dates
 */
public record TrainingSpan(int steps, LocalDate first, LocalDate last) {
    /**
     * Checks the values.
     *
     * @param steps the training part's length
     * @param first the first step's date, or null
     * @param last the last training step's date, or null
     * @throws IllegalArgumentException when steps is below 1, only one date is given, or they are out of order
     */
    public TrainingSpan {
        if (steps < 1) {
            throw new IllegalArgumentException("a training span has at least 1 step, got " + steps);
        }
        if ((first == null) != (last == null)) {
            throw new IllegalArgumentException("a training span has both dates or neither");
        }
        if (first != null && last.isBefore(first)) {
            throw new IllegalArgumentException("training span ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /** @return true when the span's dates are known */
    public boolean dated() {
        return first != null;
    }

    /** @return e.g. {@code 2012-01-01 .. 2014-10-19, 1023 steps} or {@code the first 1023 steps of its source} */
    public String describe() {
        return dated() ? first + " .. " + last + ", " + steps + " steps" : "the first " + steps + " steps of its source";
    }
}
