package io.github.rnnkit.core.train;

import java.nio.file.Path;

/**
 * How to train.
 *
 * @param epochs        passes over the training windows, at least 1
 * @param batchSize     windows per update, at least 1
 * @param patience      epochs without a better validation loss before stopping; 0 never stops early
 * @param seed          seed of the order windows are visited in each epoch
 * @param checkpointDir folder for the checkpoint written after each epoch (the last and the best
 *                      epoch's network, and the state {@link Trainer#resume} continues from), or null for none
 * @param progress      where to show progress, or {@link Progress#NONE}
 * @param targetLoss    stop after the first epoch whose validation loss is at or below this (the
 *                      task is solved: more updates would only cost time), or NaN to never stop for it
 */
public record TrainerOptions(int epochs, int batchSize, int patience, long seed, Path checkpointDir, Progress progress,
                             double targetLoss) {
    /**
     * Checks the values.
     *
     * @param epochs passes over the training windows, at least 1
     * @param batchSize windows per update, at least 1
     * @param patience epochs without a better validation loss before stopping; 0 never stops early
     * @param seed seed of the order windows are visited in each epoch
     * @param checkpointDir folder for the checkpoint written after each epoch, or null for none
     * @param progress where to show progress, or {@link Progress#NONE}
     * @param targetLoss stop after the first epoch whose validation loss is at or below this, or NaN for never
     */
    public TrainerOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0, got " + patience);
        }
        if (!Double.isNaN(targetLoss) && !(targetLoss > 0 && Double.isFinite(targetLoss))) {
            throw new IllegalArgumentException("target loss must be a positive number or NaN (none), got " + targetLoss);
        }
        progress = progress == null ? Progress.NONE : progress;
    }

    /**
     * The options without a target loss.
     *
     * @param epochs passes over the training windows, at least 1
     * @param batchSize windows per update, at least 1
     * @param patience epochs without a better validation loss before stopping; 0 never stops early
     * @param seed seed of the order windows are visited in each epoch
     * @param checkpointDir folder for the checkpoint written after each epoch, or null for none
     * @param progress where to show progress, or {@link Progress#NONE}
     */
    public TrainerOptions(int epochs, int batchSize, int patience, long seed, Path checkpointDir, Progress progress) {
        this(epochs, batchSize, patience, seed, checkpointDir, progress, Double.NaN);
    }

    /**
     * {@code epochs} epochs of minibatches of 32, patience 5, seed 42, no checkpoints, no progress.
     *
     * @param epochs passes over the training windows
     * @return the options
     */
    public static TrainerOptions of(int epochs) {
        return new TrainerOptions(epochs, 32, 5, 42, null, Progress.NONE);
    }

    /**
     * @param b windows per update
     * @return these options with that batch size
     */
    public TrainerOptions withBatchSize(int b) {
        return new TrainerOptions(epochs, b, patience, seed, checkpointDir, progress, targetLoss);
    }

    /**
     * @param p epochs without a better validation loss before stopping; 0 never stops early
     * @return these options with that patience
     */
    public TrainerOptions withPatience(int p) {
        return new TrainerOptions(epochs, batchSize, p, seed, checkpointDir, progress, targetLoss);
    }

    /**
     * @param s the seed of the order windows are visited in
     * @return these options with that seed
     */
    public TrainerOptions withSeed(long s) {
        return new TrainerOptions(epochs, batchSize, patience, s, checkpointDir, progress, targetLoss);
    }

    /**
     * @param dir the folder for checkpoints after each epoch
     * @return these options with checkpoints
     */
    public TrainerOptions withCheckpoints(Path dir) {
        return new TrainerOptions(epochs, batchSize, patience, seed, dir, progress, targetLoss);
    }

    /**
     * @param p where to show progress
     * @return these options with that progress
     */
    public TrainerOptions withProgress(Progress p) {
        return new TrainerOptions(epochs, batchSize, patience, seed, checkpointDir, p, targetLoss);
    }

    /**
     * Stops training once the validation loss reaches {@code t}: a budget of epochs becomes an upper
     * bound, as in a Keras callback that stops at a baseline. Needs validation windows.
     *
     * @param t the validation loss at or below which training stops, or NaN for never
     * @return these options with that target
     */
    public TrainerOptions withTargetLoss(double t) {
        return new TrainerOptions(epochs, batchSize, patience, seed, checkpointDir, progress, t);
    }
}
