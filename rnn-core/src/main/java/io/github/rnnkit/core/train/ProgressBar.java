package io.github.rnnkit.core.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place ({@code \r}): epoch, bar, loss, validation loss and
 * the time left. It stays silent for the first two seconds, so short runs print nothing, and
 * redraws at most five times a second.
 */
public final class ProgressBar implements Progress {
    private static final long QUIET_MS = 2000;
    private static final long REDRAW_MS = 200;
    private final PrintStream out;
    private final long start = System.currentTimeMillis();
    private long lastDraw;
    private boolean drawn;

    /**
     * A progress bar drawn on {@code out}.
     *
     * @param out the stream to draw on (standard error, usually)
     */
    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** @return a bar on standard error when a terminal is attached, else {@link Progress#NONE} */
    public static Progress onTerminal() {
        return System.console() != null ? new ProgressBar(System.err) : Progress.NONE;
    }

    @Override
    public void update(int epoch, int epochs, double fraction, double loss, double validationLoss) {
        long now = System.currentTimeMillis();
        if (now - start < QUIET_MS || now - lastDraw < REDRAW_MS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print("\r" + line(epoch, epochs, fraction, loss, validationLoss, (now - start) / 1000.0));
        out.flush();
    }

    static String line(int epoch, int epochs, double fraction, double loss, double validationLoss, double elapsed) {
        int width = 24;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN;
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %3.0f%%  loss %.4f  val %s  ~%s left   ", epoch, epochs, bar,
                100 * fraction, loss, Double.isNaN(validationLoss) ? "-" : String.format(Locale.ROOT, "%.4f", validationLoss),
                Double.isNaN(left) ? "?" : Math.round(left) + "s");
    }

    @Override
    public void finish() {
        if (drawn) {
            out.println();
        }
    }
}
