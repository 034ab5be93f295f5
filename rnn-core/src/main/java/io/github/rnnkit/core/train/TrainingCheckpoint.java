package io.github.rnnkit.core.train;

import io.github.rnnkit.core.net.NetworkShape;
import io.github.rnnkit.core.output.IoReason;
import io.github.rnnkit.data.DataException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@link Trainer} needs to continue a run exactly where it stopped, kept in its checkpoint
 * folder after every epoch:
 * <pre>
 *   epoch-N.params, epoch-N.updater   the parameters and updater state after epoch N
 *   best-M.params                     the parameters after the best epoch M so far
 *   state.json                        N, M, iteration and epoch counts, the early-stopping state,
 *                                     every loss so far, the network's shape, and the options
 *                                     that must not change on resuming
 * </pre>
 * Arrays are ND4J's binary format, written as they are (no zip, no configuration: the network is
 * rebuilt from its spec). The files are named by epoch and {@code state.json} is replaced in one
 * rename after them, so a run killed at any moment leaves a state whose files are complete. The
 * order of windows in an epoch and the dropout masks derive from the seed and the epoch, so nothing
 * else is needed to continue identically. {@link Writer} writes on a background thread from
 * copies taken at the end of the epoch, so training does not wait for the disk.
 */
final class TrainingCheckpoint {
    static final String STATE = "state.json";
    static final String FORMAT = "rnnkit-checkpoint/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The loop's state after an epoch. */
    record State(int epoch, List<Double> iterations, List<EpochRecord> epochs, double best, int bestEpoch, int sinceBest,
                 boolean stoppedEarly) {
    }

    private TrainingCheckpoint() {
    }

    /** Writes checkpoints one after another on a daemon thread; {@link #close()} waits for the last. */
    static final class Writer implements AutoCloseable {
        private final Path dir;
        private final TrainerOptions options;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rnnkit-checkpoint");
            t.setDaemon(true);
            return t;
        });
        private Future<?> last;

        Writer(Path dir, TrainerOptions options) {
            this.dir = dir;
            this.options = options;
        }

        /**
         * Takes copies of the parameters and updater state now and writes them, with {@code s},
         * in the background.
         *
         * @param best the best epoch's parameters when this epoch is the new best, else null
         */
        void save(MultiLayerNetwork net, State s, INDArray best) {
            rethrow();
            INDArray params = net.params().dup();
            INDArray updater = net.getUpdater() == null || net.getUpdater().getStateViewArray() == null ? null
                    : net.getUpdater().getStateViewArray().dup();
            String shape = shape(net);
            int iterations = net.getIterationCount();
            int epochCount = net.getEpochCount();
            last = thread.submit(() -> {
                write(dir, s, params, updater, best, shape, iterations, epochCount, options);
                return null;
            });
        }

        private void rethrow() {
            if (last != null && last.isDone()) {
                try {
                    last.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("a checkpoint in " + dir + " took more than 10 minutes to write");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rethrow();
        }
    }

    private static String shape(MultiLayerNetwork net) {
        return NetworkShape.of(net) + ", " + net.numParams() + " parameters, configuration "
                + Integer.toHexString(net.getLayerWiseConfigurations().getConfs().toString().hashCode());
    }

    private static void write(Path dir, State s, INDArray params, INDArray updater, INDArray best, String shape,
                              int iterationCount, int epochCount, TrainerOptions o) {
        try {
            Files.createDirectories(dir);
            writeArray(params, dir.resolve("epoch-" + s.epoch() + ".params"));
            if (updater != null) {
                writeArray(updater, dir.resolve("epoch-" + s.epoch() + ".updater"));
            }
            if (best != null) {
                writeArray(best, dir.resolve("best-" + s.epoch() + ".params"));
            }
            ObjectNode j = MAPPER.createObjectNode();
            j.put("format", FORMAT).put("network", shape);
            j.put("epoch", s.epoch()).put("bestEpoch", s.bestEpoch()).put("best", s.best()).put("sinceBest", s.sinceBest())
                    .put("stoppedEarly", s.stoppedEarly()).put("iterationCount", iterationCount).put("epochCount", epochCount)
                    .put("updater", updater != null);
            j.putObject("options").put("epochs", o.epochs()).put("batchSize", o.batchSize()).put("patience", o.patience())
                    .put("seed", o.seed());
            ArrayNode it = j.putArray("iterations");
            s.iterations().forEach(it::add);
            ArrayNode ep = j.putArray("epochs");
            for (EpochRecord e : s.epochs()) {
                ep.addArray().add(e.epoch()).add(e.trainLoss()).add(e.validationLoss()).add(e.validationMetric()).add(e.seconds());
            }
            Path tmp = dir.resolve(STATE + ".tmp");
            MAPPER.writeValue(tmp.toFile(), j);
            try {
                Files.move(tmp, dir.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
            }
            removeAllBut(dir, "epoch-" + s.epoch() + ".", "best-" + s.bestEpoch() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint in " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static void writeArray(INDArray a, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            Nd4j.write(a, out);
        }
    }

    private static INDArray readArray(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return Nd4j.read(in);
        } catch (IOException | RuntimeException e) {
            throw new DataException(file.toString(), "corrupt checkpoint: " + e.getMessage());
        }
    }

    private static void removeAllBut(Path dir, String last, String best) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if ((n.startsWith("epoch-") || n.startsWith("best-")) && !n.startsWith(last) && !n.startsWith(best)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** @return true when {@code dir} holds a checkpoint to resume from */
    static boolean exists(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(STATE));
    }

    /**
     * Loads the latest checkpoint into {@code net} (parameters, updater state, iteration and epoch
     * counts) and returns the loop's state and, in {@code bestParams[0]}, the best epoch's parameters.
     */
    static State restore(Path dir, MultiLayerNetwork net, TrainerOptions o, INDArray[] bestParams) {
        Path file = dir.resolve(STATE);
        JsonNode j;
        try {
            j = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException(file.toString(), "corrupt checkpoint state: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!FORMAT.equals(j.path("format").asText())) {
            throw new DataException(file.toString(), "not a checkpoint of format " + FORMAT);
        }
        JsonNode opt = j.path("options");
        if (opt.path("epochs").asInt(-1) != o.epochs() || opt.path("batchSize").asInt(-1) != o.batchSize()
                || opt.path("patience").asInt(-1) != o.patience() || opt.path("seed").asLong(Long.MIN_VALUE) != o.seed()) {
            throw new IllegalArgumentException("the run in " + dir + " was started with epochs " + opt.path("epochs")
                    + ", batch " + opt.path("batchSize") + ", patience " + opt.path("patience") + ", seed " + opt.path("seed")
                    + "; resume it with the same options (given: epochs " + o.epochs() + ", batch " + o.batchSize()
                    + ", patience " + o.patience() + ", seed " + o.seed() + ")");
        }
        if (!j.path("network").asText().equals(shape(net))) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " is of another network (" + j.path("network").asText()
                    + "; given " + shape(net) + "); resume with the spec the run was started with");
        }
        int epoch = j.path("epoch").asInt();
        int bestEpoch = j.path("bestEpoch").asInt();
        net.setParams(readArray(dir.resolve("epoch-" + epoch + ".params")));
        if (j.path("updater").asBoolean()) {
            net.getUpdater().getStateViewArray().assign(readArray(dir.resolve("epoch-" + epoch + ".updater")));
        }
        net.setIterationCount(j.path("iterationCount").asInt());
        net.setEpochCount(j.path("epochCount").asInt());
        bestParams[0] = bestEpoch > 0 ? readArray(dir.resolve("best-" + bestEpoch + ".params")) : null;
        List<Double> iterations = new ArrayList<>();
        j.path("iterations").forEach(n -> iterations.add(num(n)));
        List<EpochRecord> epochs = new ArrayList<>();
        for (JsonNode e : j.path("epochs")) {
            epochs.add(new EpochRecord(e.get(0).asInt(), num(e.get(1)), num(e.get(2)), num(e.get(3)), e.get(4).asDouble()));
        }
        return new State(epoch, iterations, epochs, num(j.path("best")), bestEpoch, j.path("sinceBest").asInt(),
                j.path("stoppedEarly").asBoolean());
    }

    private static double num(JsonNode n) {
        // Jackson writes NaN and infinities as strings
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }
}
