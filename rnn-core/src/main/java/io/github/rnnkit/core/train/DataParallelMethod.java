package io.github.rnnkit.core.train;

import java.util.Locale;

/** How data-parallel workers ({@link DataParallelFit}) keep their copies of one network in step. */
public enum DataParallelMethod {
    /**
     * Synchronous: every worker trains its own copy on its share of minibatches, and every few
     * minibatches the copies' parameters and updater state are averaged into one.
     */
    PARAMETER_AVERAGING("parameter averaging"),
    /**
     * Asynchronous (Strom 2015): each worker applies its own gradients at once and sends the other
     * workers only the entries above a threshold, encoded sparsely; the entries below it are kept
     * and added to later updates, so no update is lost, only delayed.
     */
    GRADIENT_SHARING("gradient sharing");

    private final String label;

    DataParallelMethod(String label) {
        this.label = label;
    }

    /** @return e.g. {@code parameter averaging} */
    public String label() {
        return label;
    }

    /**
     * Parses {@code averaging} (or {@code parameter-averaging}) and {@code gradient-sharing} (or {@code sharing}).
     *
     * @param text the option's value
     * @return the method
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DataParallelMethod parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "averaging", "parameter-averaging" -> PARAMETER_AVERAGING;
            case "gradient-sharing", "sharing" -> GRADIENT_SHARING;
            default -> throw new IllegalArgumentException("'" + text + "' is not a data-parallel method: averaging or gradient-sharing");
        };
    }
}
