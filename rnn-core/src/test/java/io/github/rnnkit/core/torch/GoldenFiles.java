package io.github.rnnkit.core.torch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The golden .npz files the PyTorch reference scripts under src/test/resources/golden write. */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    /**
     * @param resource the file's path on the test class path, e.g. {@code /golden/attention/attention.npz}
     * @return its arrays by name
     * @throws IOException when it cannot be read
     */
    public static Map<String, NpyArray> read(String resource) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no golden file " + resource + " on the test class path");
            }
            return Npz.read(resource, in);
        }
    }
}
