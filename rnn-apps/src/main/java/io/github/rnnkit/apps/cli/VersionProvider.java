package io.github.rnnkit.apps.cli;

import io.github.rnnkit.data.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code rnnkit --version}: rnnkit's version and what it runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{
                "rnnkit " + Versions.rnnkit(),
                "Deeplearning4j " + Versions.dl4j() + ", Java " + Versions.java()
                        + " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"};
    }
}
