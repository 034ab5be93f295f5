package io.github.rnnkit.apps.common;

import picocli.CommandLine.Option;

/** {@code --force}: replace a run already in {@code --out}, atomically, instead of refusing. */
public final class ForceOption {
    /** True when {@code --force} was given. */
    @Option(names = "--force", description = "replace what --out already holds (the old one stays whole until the new one is complete)")
    public boolean force;
}
