package io.github.rnnkit.core.output;

/** What a writer does when its output folder already holds a run. */
public enum WriteMode {
    /** Refuse an output folder that already holds a run, finished or not. */
    NEW,
    /** Replace a run already there, atomically: the old one stays whole until the new one is complete. */
    REPLACE,
    /** Continue the unfinished run a killed writer left behind. */
    RESUME
}
