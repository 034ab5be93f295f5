package io.github.rnnkit.core.output;

import java.nio.file.Path;

/** A second process for {@link StagedFolderTest}: opens a folder, says so, and waits to be killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        StagedFolder.open(Path.of(args[0]), WriteMode.NEW, "--out");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
