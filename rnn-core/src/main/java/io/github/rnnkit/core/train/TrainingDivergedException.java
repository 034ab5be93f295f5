package io.github.rnnkit.core.train;

import java.util.Locale;

/** The loss became NaN or infinite: training stopped instead of producing a useless model. */
public class TrainingDivergedException extends IllegalStateException {
    /**
     * The epoch the loss became NaN or infinite in.
     */
    private final int epoch;
    /**
     * The update the loss became NaN or infinite at.
     */
    private final int iteration;

    /**
     * @param epoch the epoch it happened in
     * @param iteration the update it happened at
     * @param loss the loss value
     * @param clipping whether gradient clipping was on
     */
    public TrainingDivergedException(int epoch, int iteration, double loss, boolean clipping) {
        super(String.format(Locale.ROOT, "training diverged: the loss became %s at epoch %d, iteration %d; %s",
                Double.isNaN(loss) ? "NaN" : "infinite", epoch, iteration, clipping
                        ? "lower the learning rate or tighten the gradient clipping threshold"
                        : "turn on gradient clipping (e.g. --clip l2-per-layer:1.0) or lower the learning rate"));
        this.epoch = epoch;
        this.iteration = iteration;
    }

    /** @return the 1-based epoch in which the loss became NaN or infinite */
    public int epoch() {
        return epoch;
    }

    /** @return the 1-based update (over all epochs) after which it did */
    public int iteration() {
        return iteration;
    }
}
