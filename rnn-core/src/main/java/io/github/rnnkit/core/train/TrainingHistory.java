package io.github.rnnkit.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What happened during training: the loss of every update and a record per epoch.
 *
 * @param metricName  what {@link EpochRecord#validationMetric()} is ({@code accuracy} or {@code rmse})
 * @param iterations  loss after each update, in order
 * @param epochs      one record per epoch
 * @param bestEpoch   the epoch whose parameters the model kept (1-based)
 * @param stoppedEarly true when training stopped before its planned epochs
 * @serial exclude
 */
public record TrainingHistory(String metricName, List<Double> iterations, List<EpochRecord> epochs, int bestEpoch,
                              boolean stoppedEarly) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param metricName what {@link EpochRecord#validationMetric()} is ({@code accuracy} or {@code rmse})
     * @param iterations loss after each update, in order
     * @param epochs one record per epoch
     * @param bestEpoch the epoch whose parameters the model kept (1-based)
     * @param stoppedEarly true when training stopped before its planned epochs
     */
    public TrainingHistory {
        iterations = Collections.unmodifiableList(new ArrayList<>(iterations));
        epochs = List.copyOf(epochs);
    }

    /** @return wall time of all epochs, in seconds */
    public double totalSeconds() {
        return epochs.stream().mapToDouble(EpochRecord::seconds).sum();
    }

    /** @return mean wall time of an epoch, in seconds (NaN before the first) */
    public double secondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochRecord::seconds).average().orElse(Double.NaN);
    }

    /**
     * Writes one row per epoch: epoch, train_loss, validation_loss, validation_metric, seconds.
     *
     * @param file the CSV file to write (replaced if it exists)
     */
    public void writeEpochsCsv(Path file) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,validation_loss,validation_" + metricName + ",seconds\n");
        for (EpochRecord e : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f%n", e.epoch(), num(e.trainLoss()),
                    num(e.validationLoss()), num(e.validationMetric()), e.seconds()));
        }
        write(file, sb);
    }

    /**
     * Writes one row per update: iteration, loss.
     *
     * @param file the CSV file to write (replaced if it exists)
     */
    public void writeIterationsCsv(Path file) {
        StringBuilder sb = new StringBuilder("iteration,loss\n");
        for (int i = 0; i < iterations.size(); i++) {
            sb.append(i + 1).append(',').append(num(iterations.get(i))).append('\n');
        }
        write(file, sb);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void write(Path file, CharSequence text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
