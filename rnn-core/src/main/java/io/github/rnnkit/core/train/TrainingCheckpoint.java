package io.github.rnnkit.core.train;

import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.NetworkShape;
import io.github.rnnkit.core.output.IoReason;
import io.github.rnnkit.data.DataException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@link Trainer} needs to continue a run exactly where it stopped, kept in its checkpoint
 * folder after every epoch:
 * <pre>
 *   epoch-N.zip   the network after epoch N, with its updater state and iteration count
 *   best-M.zip    the network after the best epoch M so far
 *   state.json    N, M, the early-stopping state, every loss so far, and the options that must
 *                 not change on resuming (epochs, batch size, patience, seed)
 * </pre>
 * The zips are named by epoch and {@code state.json} is replaced in one rename after them, so a
 * run killed at any moment leaves a state whose files are complete. The order of windows in an
 * epoch and the dropout masks are derived from the seed and the epoch, so nothing else is needed
 * to continue identically.
 */
final class TrainingCheckpoint {
    static final String STATE = "state.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The loop's state after an epoch. */
    record State(int epoch, List<Double> iterations, List<EpochRecord> epochs, double best, int bestEpoch, int sinceBest,
                 boolean stoppedEarly) {
    }

    private TrainingCheckpoint() {
    }

    static void save(Path dir, MultiLayerNetwork net, State s, boolean improved, TrainerOptions o) {
        try {
            Files.createDirectories(dir);
            ModelFiles.write(net, dir.resolve("epoch-" + s.epoch() + ".zip"));
            if (improved) {
                ModelFiles.write(net, dir.resolve("best-" + s.epoch() + ".zip"));
            }
            ObjectNode j = MAPPER.createObjectNode();
            j.put("epoch", s.epoch()).put("bestEpoch", s.bestEpoch()).put("best", s.best()).put("sinceBest", s.sinceBest())
                    .put("stoppedEarly", s.stoppedEarly());
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
            removeAllBut(dir, "epoch-" + s.epoch() + ".zip", "best-" + s.bestEpoch() + ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint in " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static void removeAllBut(Path dir, String last, String best) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if ((n.startsWith("epoch-") || n.startsWith("best-")) && n.endsWith(".zip") && !n.equals(last) && !n.equals(best)) {
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
     * counts) and returns the loop's state and the best epoch's parameters.
     */
    static State restore(Path dir, MultiLayerNetwork net, TrainerOptions o, org.nd4j.linalg.api.ndarray.INDArray[] bestParams) {
        Path file = dir.resolve(STATE);
        JsonNode j;
        try {
            j = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException(file.toString(), "corrupt checkpoint state: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode opt = j.path("options");
        if (opt.path("epochs").asInt(-1) != o.epochs() || opt.path("batchSize").asInt(-1) != o.batchSize()
                || opt.path("patience").asInt(-1) != o.patience() || opt.path("seed").asLong(Long.MIN_VALUE) != o.seed()) {
            throw new IllegalArgumentException("the run in " + dir + " was started with epochs " + opt.path("epochs")
                    + ", batch " + opt.path("batchSize") + ", patience " + opt.path("patience") + ", seed " + opt.path("seed")
                    + "; resume it with the same options (given: epochs " + o.epochs() + ", batch " + o.batchSize()
                    + ", patience " + o.patience() + ", seed " + o.seed() + ")");
        }
        int epoch = j.path("epoch").asInt();
        int bestEpoch = j.path("bestEpoch").asInt();
        MultiLayerNetwork last = ModelFiles.read(dir.resolve("epoch-" + epoch + ".zip"));
        if (!NetworkShape.of(last).equals(NetworkShape.of(net)) || last.numParams() != net.numParams()
                || !last.getLayerWiseConfigurations().getConfs().toString().equals(net.getLayerWiseConfigurations().getConfs().toString())) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " is of another network (" + NetworkShape.of(last)
                    + ", " + last.numParams() + " parameters); resume with the spec the run was started with");
        }
        net.setParams(last.params());
        if (last.getUpdater() != null && last.getUpdater().getStateViewArray() != null) {
            net.getUpdater().getStateViewArray().assign(last.getUpdater().getStateViewArray());
        }
        net.setIterationCount(last.getIterationCount());
        net.setEpochCount(last.getEpochCount());
        bestParams[0] = bestEpoch > 0 ? ModelFiles.read(dir.resolve("best-" + bestEpoch + ".zip")).params().dup() : null;
        List<Double> iterations = new ArrayList<>();
        j.path("iterations").forEach(n -> iterations.add(n.asDouble()));
        List<EpochRecord> epochs = new ArrayList<>();
        for (JsonNode e : j.path("epochs")) {
            epochs.add(new EpochRecord(e.get(0).asInt(), num(e.get(1)), num(e.get(2)), num(e.get(3)), e.get(4).asDouble()));
        }
        return new State(epoch, iterations, epochs, num(j.path("best")), bestEpoch, j.path("sinceBest").asInt(),
                j.path("stoppedEarly").asBoolean());
    }

    private static double num(JsonNode n) {
        // Jackson writes NaN as the string "NaN"
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }
}
