package io.github.rnnkit.data.window;

/**
 * One training example: an input sequence and its target sequence. Arrays are shared, not
 * copied; treat them as read-only.
 *
 * @param features      inputs {@code [time][feature]}
 * @param targets       targets {@code [time][k]}: for classification one column holding the class
 *                      index, for regression one column per target value
 * @param lastInputStep step of the original series at the last input (so a forecast can be dated
 *                      and inverted against the last known value); the sample's position for
 *                      data that is not cut from a series
 */
public record SequenceSample(double[][] features, double[][] targets, int lastInputStep) {
    /**
     * Checks that the sample has at least one input step and one target step.
     *
     * @param features inputs {@code [time][feature]}
     * @param targets targets {@code [time][k]}: for classification one column holding the class index, for regression one column per target value
     * @param lastInputStep step of the original series at the last input (so a forecast can be dated and inverted against the last known value); the sample's position for data that is not cut from a series
     */
    public SequenceSample {
        if (features.length == 0 || targets.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one input and one target step");
        }
    }

    /** @return number of input steps */
    public int length() {
        return features.length;
    }

    /** @return number of target steps */
    public int targetLength() {
        return targets.length;
    }
}
