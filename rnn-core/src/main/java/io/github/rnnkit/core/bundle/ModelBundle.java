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
import java.util.ArrayList;
import java.util.List;

/**
 * A saved model: one folder holding everything needed to use it again and to know where it came
 * from.
 * <pre>
 *   network.zip       the DL4J network (ModelSerializer, with updater state)
 *   spec.json         the {@link ModelSpec}
 *   data.json         the {@link DataDescription}: columns, window, vocabulary or scalers
 *   provenance.json   rnnkit / DL4J / Java versions, data file and SHA-256, seed, time
 *   history.csv       per-epoch training history, and iterations.csv per update (when trained here)
 *   manifest.json     the SHA-256 of the first four parts, checked at load
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
    /**
     * Checks the parts against each other: the network has its spec's shape, and the data
     * description fits the spec (categories and a vocabulary of the output size for a classifier,
     * one input per price column for a regression, the same topology and horizon).
     *
     * @param network    the trained network
     * @param spec       its spec
     * @param data       what it expects of its data
     * @param provenance where it came from
     * @param history    its training history, or null
     * @throws IllegalArgumentException naming the parts that disagree
     */
    public ModelBundle {
        BundleConsistency.require(network, spec, data);
    }

    /** Written into provenance.json; a bundle of another format is refused. */
    public static final String FORMAT = "rnnkit-bundle/1";
    private static final String NETWORK = "network.zip";
    private static final String SPEC = "spec.json";
    private static final String DATA = "data.json";
    static final String PROVENANCE = "provenance.json";

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
     * Writes the bundle into {@code dir}, crash-safe: the parts and a manifest of their SHA-256 go
     * into a temporary folder beside it, are flushed to disk, and replace {@code dir} in one rename,
     * so that a crash leaves either the previous bundle or the new one, never a mix.
     *
     * @param dir the bundle's folder; created with its parents when missing, replaced when it holds
     *            a bundle
     * @throws IllegalArgumentException when {@code dir} is a file or a folder of other files
     */
    public void save(Path dir) {
        List<BundleFolder.Part> parts = new ArrayList<>(List.of(
                BundleFolder.part(NETWORK, file -> ModelFiles.write(network, file)),
                BundleFolder.part(SPEC, file -> BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                        BundleJson.spec(spec))),
                BundleFolder.part(DATA, file -> BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                        BundleJson.data(data))),
                BundleFolder.part(PROVENANCE, file -> BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                        BundleJson.provenance(provenance)))));
        if (history != null) {
            parts.add(BundleFolder.part("history.csv", history::writeEpochsCsv));
            parts.add(BundleFolder.part("iterations.csv", history::writeIterationsCsv));
        }
        BundleFolder.write(dir, parts, List.of(NETWORK, SPEC, DATA, PROVENANCE));
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
        BundleFolder.verify(dir);
        JsonNode provenance = json(dir, PROVENANCE);
        if (!FORMAT.equals(provenance.path("format").asText())) {
            throw new DataException(dir.resolve(PROVENANCE).toString(), "not an rnnkit model bundle of format " + FORMAT
                    + " (found '" + provenance.path("format").asText() + "')");
        }
        ModelSpec spec = parse(dir, SPEC, () -> BundleJson.spec(json(dir, SPEC)));
        DataDescription data = parse(dir, DATA, () -> BundleJson.data(json(dir, DATA)));
        Provenance prov = parse(dir, PROVENANCE, () -> BundleJson.provenance(provenance));
        try {
            BundleConsistency.require(null, spec, data);
        } catch (IllegalArgumentException e) {
            throw new DataException(dir.toString(), "inconsistent bundle: " + e.getMessage());
        }
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
