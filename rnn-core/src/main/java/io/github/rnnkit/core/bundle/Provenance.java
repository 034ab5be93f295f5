package io.github.rnnkit.core.bundle;

import io.github.rnnkit.data.Versions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.series.TimeIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Where a model came from.
 *
 * @param rnnkit     rnnkit's version
 * @param dl4j       Deeplearning4j's version
 * @param java       the Java version it was trained on
 * @param dataSource the data file (or sample) it was trained on
 * @param dataSha256 SHA-256 of that file's bytes, or null when it was not a file
 * @param seed       the network seed
 * @param created    when the bundle was written (UTC)
 * @param training   the steps of the source the model was trained on, or null when not known (a
 *                   bundle from before rnnkit recorded it, or a network imported from PyTorch)
 */
public record Provenance(String rnnkit, String dl4j, String java, String dataSource, String dataSha256, long seed,
                         Instant created, TrainingSpan training) {

    /**
     * Provenance for now, with this runtime's versions.
     *
     * @param dataSource the data file or sample the model was trained on
     * @param dataSha256 that file's SHA-256, or null
     * @param seed the network seed
     * @return provenance stamped with this runtime's versions and the current time
     */
    public static Provenance now(String dataSource, String dataSha256, long seed) {
        return new Provenance(Versions.rnnkit(), Versions.dl4j(), Versions.java(), dataSource, dataSha256, seed,
                Instant.now(), null);
    }

    /**
     * Provenance for now of a model trained on a dataset: its source (the file, or a sample's
     * name) with the file's SHA-256 when the source is a readable file, and the network seed.
     *
     * @param data the dataset the model was trained on
     * @param seed the network seed
     * @return provenance stamped with this runtime's versions and the current time
     */
    public static Provenance of(WindowedDataset data, long seed) {
        String source = source(data);
        Path file = null;
        try {
            file = Path.of(source);
        } catch (java.nio.file.InvalidPathException e) {
            // a sample name such as "sample:seattle-weather" on a platform that rejects ':'
        }
        String sha = file != null && Files.isRegularFile(file) ? sha256(file) : null;
        Provenance p = now(source, sha, seed);
        return new Provenance(p.rnnkit(), p.dl4j(), p.java(), p.dataSource(), p.dataSha256(), p.seed(), p.created(),
                span(data));
    }

    private static TrainingSpan span(WindowedDataset data) {
        TimeIndex index = data instanceof CategoricalDataset c ? c.series().index()
                : data instanceof PriceDataset p ? p.series().index() : null;
        int steps = data.split().train().to();
        if (index == null || steps < 1) {
            return null;
        }
        return index.hasDates() ? new TrainingSpan(steps, index.date(0), index.date(steps - 1))
                : new TrainingSpan(steps, null, null);
    }

    private static String source(WindowedDataset data) {
        if (data instanceof CategoricalDataset c) {
            return c.series().index().source();
        }
        if (data instanceof PriceDataset p) {
            return p.series().index().source();
        }
        return "unknown";
    }

    /**
     * @param file a readable file
     * @return the SHA-256 of a file's bytes, as lower-case hex
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
