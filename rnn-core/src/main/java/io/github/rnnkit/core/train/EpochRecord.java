package io.github.rnnkit.core.train;

/**
 * One epoch of training.
 *
 * @param epoch            1-based
 * @param trainLoss        mean training loss over the epoch's updates
 * @param validationLoss   loss on the validation windows after the epoch, or NaN without them
 * @param validationMetric accuracy (classification) or RMSE in scaled units (regression) of the
 *                         next-step forecasts on the validation windows, or NaN without them
 * @param seconds          wall-clock time of the epoch, validation included
 * @serial exclude
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double validationMetric, double seconds)
        implements java.io.Serializable {
}
