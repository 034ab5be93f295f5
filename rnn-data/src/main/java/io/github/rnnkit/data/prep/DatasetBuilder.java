package io.github.rnnkit.data.prep;

import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;

import java.time.LocalDate;

/**
 * The options every dataset builder has: the window (required) and the split (by default
 * {@link SplitFractions#DEFAULT}).
 *
 * @param <B> the concrete builder, returned by each option for chaining
 */
public abstract class DatasetBuilder<B extends DatasetBuilder<B>> {
    WindowSpec window;
    final SplitChoice split = new SplitChoice();

    DatasetBuilder() {
    }

    abstract B self();

    /**
     * Sets the window every part is cut with (required).
     *
     * @param w the window
     * @return this builder
     */
    public B window(WindowSpec w) {
        this.window = w;
        return self();
    }

    /**
     * Splits by fractions of the series' steps.
     *
     * @param f train, validation and test fractions
     * @return this builder
     */
    public B split(SplitFractions f) {
        split.fractions(f);
        return self();
    }

    /**
     * Uses a split computed elsewhere, for example a walk-forward fold.
     *
     * @param s the split
     * @return this builder
     */
    public B split(ChronoSplit s) {
        split.given(s);
        return self();
    }

    /**
     * Train before {@code validationStart}, validation up to {@code testStart}, test after.
     *
     * @param validationStart the first date of the validation part
     * @param testStart the first date of the test part
     * @return this builder
     */
    public B splitByDate(LocalDate validationStart, LocalDate testStart) {
        split.dates(validationStart, testStart);
        return self();
    }

    WindowSpec requireWindow() {
        if (window == null) {
            throw new IllegalArgumentException("set a window before building");
        }
        return window;
    }
}
