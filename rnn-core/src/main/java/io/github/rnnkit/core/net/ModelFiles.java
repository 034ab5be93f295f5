package io.github.rnnkit.core.net;

import io.github.rnnkit.data.runtime.NativeRuntime;
import io.github.rnnkit.core.output.IoReason;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.data.DataException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipFile;

/** Writes and reads a network as DL4J's model zip ({@link ModelSerializer}), with clear errors. */
public final class ModelFiles {
    static {
        // Before ND4J loads its native libraries: see NativeRuntime.
        NativeRuntime.configure();
    }

    private ModelFiles() {
    }

    /**
     * Writes the network with its updater state, creating parent folders. The zip is written
     * beside {@code file} and renamed over it when complete, so a crash leaves the previous file
     * or the new one, never a truncated one.
     *
     * @param net the network
     * @param file the zip file to write (replaced if it exists)
     */
    public static void write(MultiLayerNetwork net, Path file) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.createDirectories(abs.getParent());
            ModelSerializer.writeModel(net, tmp.toFile(), true);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the failure below is what matters
            }
            throw new UncheckedIOException("cannot write " + file + ": " + IoReason.of(e), e);
        }
    }

    /**
     * Reads a network saved with its spec (as in a model bundle), checking that they agree.
     *
     * @param file the network's zip file
     * @param spec the spec it was saved with
     * @return the network, which knows its spec
     * @throws DataException as {@link #read(Path)}, or when the network's shape is not the spec's
     */
    public static RnnNetwork read(Path file, ModelSpec spec) {
        RnnNetwork net = read(file);
        NetworkShape found = NetworkShape.of(net);
        NetworkShape expected = NetworkShape.of(spec);
        if (!found.equals(expected)) {
            throw new DataException(file.toString(), "the network does not match its spec: it is " + found
                    + ", the spec says " + expected);
        }
        return net.withSpec(spec);
    }

    /**
     * Reads a network written by {@link #write}.
     *
     * @param file the network's zip file
     * @return the network, without its spec
     * @throws DataException for a missing file, or one that is not a DL4J network (truncated,
     * corrupt or foreign)
     */
    public static RnnNetwork read(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(source, "model file not found");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("configuration.json") == null || zip.getEntry("coefficients.bin") == null) {
                throw new DataException(source, "not an rnnkit model: the zip has no network configuration and parameters");
            }
        } catch (IOException e) {
            throw new DataException(source, "not an rnnkit model (not a readable zip file: " + e.getMessage() + ")");
        }
        try {
            return RnnNetwork.of(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true));
        } catch (Exception | Error e) {
            throw new DataException(source, "not a readable rnnkit model (corrupt or truncated: " + e.getMessage() + ")");
        }
    }

    /**
     * The network as the bytes {@link #write} would put in a file, without updater state: a trained
     * network sent from where it was trained (a Spark executor) to where it is used.
     *
     * @param net the network
     * @return its model zip's bytes
     */
    public static byte[] toBytes(MultiLayerNetwork net) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ModelSerializer.writeModel(net, out, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the network: " + IoReason.of(e), e);
        }
    }

    /**
     * Reads a network from {@link #toBytes}; its parameters are exactly those written.
     *
     * @param bytes a model zip's bytes
     * @param spec  the spec the network was built from
     * @return the network, which knows its spec
     * @throws IllegalArgumentException when the bytes are not a network of that spec
     */
    public static RnnNetwork fromBytes(byte[] bytes, ModelSpec spec) {
        RnnNetwork net;
        try {
            net = RnnNetwork.of(ModelSerializer.restoreMultiLayerNetwork(new java.io.ByteArrayInputStream(bytes), false));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a serialised rnnkit network: " + e.getMessage(), e);
        }
        if (!NetworkShape.of(net).equals(NetworkShape.of(spec))) {
            throw new IllegalArgumentException("the network does not match its spec: it is " + NetworkShape.of(net)
                    + ", the spec says " + NetworkShape.of(spec));
        }
        return net.withSpec(spec);
    }
}
