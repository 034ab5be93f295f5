package io.github.rnnkit.core.bundle;

import io.github.rnnkit.core.net.DataFit;
import io.github.rnnkit.core.net.ModelFiles;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.prep.WindowedDataset;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved model: one folder holding everything needed to use it again and to know where it came
 * from.
 * <pre>
 *   network.zip       the DL4J network (ModelSerializer, with updater state)
 *   spec.json         the {@link ModelSpec}
 *   data.json         the {@link DataDescription}: columns, window, vocabulary or scalers
 *   provenance.json   rnnkit / DL4J / Java versions, data file and SHA-256, seed, time
 *   history.csv       per-epoch training history, and iterations.csv per update (when trained here)
 * </pre>
 * A reloaded bundle predicts exactly what the saved one did.
 *
 * @param network    the trained network
 * @param spec       its spec
 * @param data       what it expects of its data
 * @param provenance where it came from
 * @param history    its training history, or null
 */
public record ModelBundle(RnnNetwork network, ModelSpec spec, DataDescription data, Provenance provenance,
                          TrainingHistory history) {
    /** Written into provenance.json; a bundle of another format is refused. */
    public static final String FORMAT = "rnnkit-bundle/1";
    private static final String NETWORK = "network.zip";
    private static final String SPEC = "spec.json";
    private static final String DATA = "data.json";
    private static final String PROVENANCE = "provenance.json";

    /**
     * A bundle of a network built by {@link io.github.rnnkit.core.net.NetworkFactory} and trained on
     * {@code data}: its spec, the dataset's window and vocabulary or scalers, and provenance filled in
     * (versions, the data file and its SHA-256 when it is a file, the network seed, now).
     *
     * <pre>{@code
     * RnnNetwork net = NetworkFactory.create(spec);
     * TrainingHistory history = Trainer.fit(net, data.train(), data.validation(), TrainerOptions.of(30));
     * ModelBundle.of(net, data, history).save(Path.of("models/weather"));
     * }</pre>
     *
     * @param history its training history, or null
     * @param net a network from {@code NetworkFactory.create}, trained on {@code data}
     * @param data the dataset it was trained on
     * @return the bundle, not yet saved
     * @throws IllegalArgumentException when the network does not fit the data, or does not know its
     * spec (see {@link #of(RnnNetwork, ModelSpec, WindowedDataset, TrainingHistory)})
     */
    public static ModelBundle of(RnnNetwork net, WindowedDataset data, TrainingHistory history) {
        if (net.spec() == null) {
            throw new IllegalArgumentException("this network was not built by NetworkFactory.create, so it does not "
                    + "know its spec: use ModelBundle.of(net, spec, data, history)");
        }
        return of(net, net.spec(), data, history);
    }

    /**
     * As {@link #of(RnnNetwork, WindowedDataset, TrainingHistory)}, with the spec given.
     *
     * @param net the trained network
     * @param spec the spec it was built from
     * @param data the dataset it was trained on
     * @param history its training history, or null
     * @return the bundle, not yet saved
     */
    public static ModelBundle of(RnnNetwork net, ModelSpec spec, WindowedDataset data, TrainingHistory history) {
        DataFit.require(spec, data);
        DataFit.require(net, data.train(), "the training part");
        return new ModelBundle(net, spec, DataDescription.of(data), Provenance.of(data, spec.seed()), history);
    }

    /**
     * Writes the bundle into {@code dir}, creating it.
     *
     * @param dir the bundle's folder; created with its parents when missing
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            ModelFiles.write(network, dir.resolve(NETWORK));
            BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SPEC).toFile(), BundleJson.spec(spec));
            BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(DATA).toFile(), BundleJson.data(data));
            BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(PROVENANCE).toFile(),
                    BundleJson.provenance(provenance));
            if (history != null) {
                history.writeEpochsCsv(dir.resolve("history.csv"));
                history.writeIterationsCsv(dir.resolve("iterations.csv"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a bundle (without its history).
     *
     * @param dir a folder written by {@link #save}
     * @return the bundle, its network checked against its spec
     * @throws DataException for a missing folder, a folder that is not a bundle, or a bundle with a
     * missing, corrupt or truncated part, naming the part
     */
    public static ModelBundle load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir.toString(), Files.exists(dir)
                    ? "not an rnnkit model bundle (a bundle is a folder; this is a file)" : "model bundle not found");
        }
        for (String part : new String[]{PROVENANCE, SPEC, DATA, NETWORK}) {
            if (!Files.isRegularFile(dir.resolve(part))) {
                throw new DataException(dir.toString(), "not an rnnkit model bundle: " + part + " is missing");
            }
        }
        JsonNode provenance = json(dir, PROVENANCE);
        if (!FORMAT.equals(provenance.path("format").asText())) {
            throw new DataException(dir.resolve(PROVENANCE).toString(), "not an rnnkit model bundle of format " + FORMAT
                    + " (found '" + provenance.path("format").asText() + "')");
        }
        ModelSpec spec = parse(dir, SPEC, () -> BundleJson.spec(json(dir, SPEC)));
        DataDescription data = parse(dir, DATA, () -> BundleJson.data(json(dir, DATA)));
        Provenance prov = parse(dir, PROVENANCE, () -> BundleJson.provenance(provenance));
        return new ModelBundle(ModelFiles.read(dir.resolve(NETWORK), spec), spec, data, prov, null);
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Path dir, String part, Parse<T> p) {
        try {
            return p.get();
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataException(dir.resolve(part).toString(), "corrupt: " + e.getMessage());
        }
    }

    private static JsonNode json(Path dir, String part) {
        try {
            return BundleJson.MAPPER.readTree(dir.resolve(part).toFile());
        } catch (IOException e) {
            throw new DataException(dir.resolve(part).toString(), "corrupt or truncated JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
