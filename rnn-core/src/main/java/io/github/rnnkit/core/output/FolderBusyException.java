package io.github.rnnkit.core.output;

/** Another writer holds an output folder's {@link FolderLock}; the message names it. */
public class FolderBusyException extends IllegalStateException {
    /**
     * @param message the folder, the process holding it and what to do
     */
    public FolderBusyException(String message) {
        super(message);
    }
}
