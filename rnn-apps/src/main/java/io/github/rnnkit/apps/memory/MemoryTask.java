package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.synth.AddingProblem;
import io.github.rnnkit.data.synth.DelayedRecall;
import io.github.rnnkit.data.synth.SelectiveCopy;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.Locale;

/** The tasks whose difficulty is a dependency length, and when each counts as solved. */
public enum MemoryTask {
    /**
     * The adding problem over {@code lag} steps: sum the two marked values, the first of them up to
     * {@code lag} steps back. Solved at test MSE below 0.01 (always predicting 1 gives 1/6 = 0.167).
     */
    ADDING("adding problem", "test MSE", 0.01, AddingProblem.BASELINE_MSE, 0.002, 20, 0.003),
    /**
     * Delayed recall: random symbols (alphabet of 4), one of them marked {@code lag} steps before
     * the end after {@value #RECALL_PREFIX} distractors; name it at the end. Solved at a test error
     * rate below 0.05 (guessing: 0.75).
     */
    RECALL("delayed recall", "test error rate", 0.05, 1 - 1.0 / MemoryTask.ALPHABET, 0.03, 50, 0.001),
    /**
     * Selective copying ({@link SelectiveCopy}): {@value #COPY_TOKENS} symbols of {@value #COPY_VOCABULARY}
     * at random places among {@code lag} steps; at the end, name the one a query asks for. Solved at a
     * test error rate below 0.05 (guessing: 0.875). Budget as recall's.
     */
    SELECTIVE_COPY("selective copying", "test error rate", 0.05, 1 - 1.0 / MemoryTask.COPY_VOCABULARY, 0.03, 50, 0.001);

    /** Symbols of the delayed-recall task. */

    /** Symbols of the delayed-recall task. */
    public static final int ALPHABET = 4;
    /** Distractor steps before the symbol to recall, so that it is not the first input the state sees. */
    public static final int RECALL_PREFIX = 10;
    /** Symbols to copy in the selective-copying task (as in the paper). */
    public static final int COPY_TOKENS = 8;
    /** Distinct symbols of the selective-copying task, as in the paper. */
    public static final int COPY_VOCABULARY = 8;

    private final String title;
    private final String errorName;
    private final double threshold;
    private final double chance;
    private final double targetLoss;
    private final int epochs;
    private final double learningRate;

    MemoryTask(String title, String errorName, double threshold, double chance, double targetLoss, int epochs,
               double learningRate) {
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.title = title;
        this.errorName = errorName;
        this.threshold = threshold;
        this.chance = chance;
        this.targetLoss = targetLoss;
    }

    /**
     * The default budget's epochs over 10,000 training sequences: 20 for the adding problem (6,260
     * updates), 50 for recall (15,650), whose gated cells need about 11,000 updates at lag 50 (measured
     * while choosing them: GRU at learning rate 0.001, seed 1).
     *
     * @return the most epochs a run of the task trains by default
     */
    public int epochs() {
        return epochs;
    }

    /**
     * Adam's default learning rate: 0.003 for the adding problem, 0.001 for recall. Measured while
     * choosing them: at 0.01 and at 0.003 the GRU never left chance on recall at lag 50 within 6,260
     * updates (two seeds each); at 0.001 it solved it.
     *
     * @return the task's learning rate
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The validation loss at which training stops because the task is solved: MSE 0.002 for the
     * adding problem (a fifth of the threshold), mean cross-entropy 0.03 for recall (then at most
     * 0.03 / ln 2 = 4.3 % of the sequences can give the answer a probability below one half, so
     * the error rate is below the 5 % threshold).
     *
     * @return the validation loss that ends a run early
     */
    public double targetLoss() {
        return targetLoss;
    }

    /**
     * @return the task's name as a heading, e.g. "Adding problem"
     */
    public String title() {
        return title;
    }

    /** @return what the error is: test MSE or test error rate */
    public String errorName() {
        return errorName;
    }

    /** @return the error below which the task counts as solved */
    public double threshold() {
        return threshold;
    }

    /** @return the error of the best input-blind forecast */
    public double chance() {
        return chance;
    }

    /** @return the command-line name */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return classification or regression */
    public Task modelTask() {
        return this == ADDING ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    /**
     * @param count how many sequences
     * @param lag the dependency length
     * @param seed the generator's seed
     * @return {@code count} sequences testing memory over {@code lag} steps
     */
    public SequenceSet generate(int count, int lag, long seed) {
        return switch (this) {
            case ADDING -> AddingProblem.generate(count, Math.max(2, lag), seed);
            case RECALL -> DelayedRecall.generate(count, RECALL_PREFIX, lag, ALPHABET, seed);
            case SELECTIVE_COPY -> SelectiveCopy.generate(count, Math.max(COPY_TOKENS, lag), COPY_TOKENS, COPY_VOCABULARY, seed);
        };
    }

    /**
     * @param lag the dependency length
     * @return the steps of each sequence at that lag: what one update's work grows with
     */
    public int steps(int lag) {
        return switch (this) {
            case ADDING -> Math.max(2, lag);
            case RECALL -> RECALL_PREFIX + 1 + lag;
            case SELECTIVE_COPY -> Math.max(COPY_TOKENS, lag) + 1;
        };
    }

    /**
     * Parses adding or recall.
     *
     * @param text the name
     * @return the task
     */
    public static MemoryTask parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "adding" -> ADDING;
            case "recall", "delayed-recall" -> RECALL;
            case "selective-copy", "selective-copying" -> SELECTIVE_COPY;
            default -> throw new IllegalArgumentException("--tasks: unknown task '" + text
                    + "'; expected adding, recall or selective-copy");
        };
    }
}
