package io.github.rnnkit.core.run;

import io.github.rnnkit.core.eval.DieboldMariano;
import io.github.rnnkit.core.eval.SeedRun;
import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.Progress;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One seed of a {@link io.github.rnnkit.core.eval.SeedTrials} as a plan task: builds the data from
 * its recipe, trains the spec with the seed (as {@code SeedTrials.run} does: the seed in the spec
 * and in the trainer's options), and scores the network on the test part. The outcome's metric is
 * the test metric beside each baseline's, with a Diebold-Mariano p-value on this seed's per-window
 * losses; its figure {@code train} is the training metric; its payload, a {@link Payload}, holds
 * the {@link SeedRun} and, when asked, the network.
 *
 * @param id          a name unique within a plan
 * @param spec        the model; its seed is replaced by {@code seed}
 * @param data        how to build the windows
 * @param seed        seed of the network and the minibatch order
 * @param epochs      most epochs
 * @param batchSize   windows per update
 * @param patience    epochs without a better validation loss before stopping; 0 never stops early
 * @param targetLoss  stop once the validation loss is at or below this, or NaN for never
 * @param keepNetwork return the trained network in the payload
 * @serial exclude
 */
public record SeedTask(String id, ModelSpec spec, DatasetRecipe data, long seed, int epochs, int batchSize, int patience,
                       double targetLoss, boolean keepNetwork) implements RunTask {
    /** The figure holding the training windows' metric. */
    public static final String TRAIN = "train";

    /**
     * Checks the values (the data is built only when the task runs).
     *
     * @param id          a name unique within a plan
     * @param spec        the model
     * @param data        how to build the windows
     * @param seed        the seed
     * @param epochs      most epochs
     * @param batchSize   windows per update
     * @param patience    early-stopping patience
     * @param targetLoss  the validation loss to stop at, or NaN
     * @param keepNetwork return the trained network
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public SeedTask {
        if (id == null || id.isBlank() || id.contains("\n") || spec == null || data == null) {
            throw new IllegalArgumentException("a seed task needs an id on one line, a spec and a data recipe");
        }
        // the parameters, not options(): a compact constructor assigns the fields only after its body
        new TrainerOptions(epochs, batchSize, patience, seed, null, Progress.NONE, targetLoss);
    }

    /** @return how the task trains (its seed replaced by {@link SeedRun#train} anyway) */
    private TrainerOptions options() {
        return new TrainerOptions(epochs, batchSize, patience, seed, null, Progress.NONE, targetLoss);
    }

    /**
     * @param id          a name unique within a plan
     * @param spec        the model; its seed is replaced by {@code seed}
     * @param data        how to build the windows
     * @param seed        the seed
     * @param options     how to train, without checkpoints (several tasks would share them); its seed
     *                    is replaced and its progress not shown
     * @param keepNetwork return the trained network
     * @return the task
     * @throws IllegalArgumentException when the options write checkpoints
     */
    public static SeedTask of(String id, ModelSpec spec, DatasetRecipe data, long seed, TrainerOptions options, boolean keepNetwork) {
        if (options.checkpointDir() != null) {
            throw new IllegalArgumentException("task " + id + ": a plan's tasks train without checkpoints (found "
                    + options.checkpointDir() + ")");
        }
        return new SeedTask(id, spec, data, seed, options.epochs(), options.batchSize(), options.patience(), options.targetLoss(),
                keepNetwork);
    }

    /**
     * What a seed task gives beyond its figures: its outcome's payload.
     *
     * @param run     the seed's metrics, per-window losses and history
     * @param network the trained network ({@link ModelFiles#toBytes}), or null when not kept
     * @serial exclude
     */
    public record Payload(SeedRun run, byte[] network) implements Serializable {
        /**
         * @param spec the spec it was trained from
         * @return the network, or null when the task did not keep it
         */
        public RnnNetwork network(ModelSpec spec) {
            return network == null ? null : ModelFiles.fromBytes(network, spec.toBuilder().optSeed(run.seed()).build());
        }
    }

    @Override
    public TaskOutcome run() {
        return TaskRunner.guarded(id, start -> {
            SeedRun.Trained t = SeedRun.train(spec, data.build(), seed, options());
            SeedRun r = t.run();
            TrainingHistory h = r.history();
            Map<String, Double> p = new LinkedHashMap<>();
            r.baselineLosses().forEach((name, losses) -> p.put(name, DieboldMariano.pValue(r.windowLosses(), losses, 1)));
            return new TaskOutcome(id, null, r.metric(), r.testMetric(), r.baselines(), p, h.epochs().size(),
                    h.epochs().get(h.bestEpoch() - 1).validationLoss(), (System.nanoTime() - start) / 1e9,
                    Map.of(TRAIN, r.trainMetric()), null, new Payload(r, keepNetwork ? ModelFiles.toBytes(t.network()) : null));
        });
    }
}
