package io.github.rnnkit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of rnnkit and of the libraries it was built against, for provenance and {@code --version}. */
public final class Versions {
    private static final Properties PROPS = load();

    private Versions() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("rnnkit-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** @return rnnkit's version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String rnnkit() {
        return PROPS.getProperty("rnnkit", "unknown");
    }

    /** @return the Deeplearning4j version rnnkit was built against */
    public static String dl4j() {
        return PROPS.getProperty("dl4j", "unknown");
    }

    /** @return the running Java version */
    public static String java() {
        return System.getProperty("java.version");
    }
}
