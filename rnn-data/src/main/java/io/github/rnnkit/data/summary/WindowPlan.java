package io.github.rnnkit.data.summary;

import io.github.rnnkit.data.series.TimeIndex;
import io.github.rnnkit.data.split.ChronoSplit;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * How many windows each chronological part of a series gives for a window spec, before any
 * data is cut: what a user checks when choosing the look-back.
 *
 * @param window the window spec
 * @param lag    steps each part loses to differencing first (1 for log-returns, else 0)
 * @param parts  train, validation and test, in order
 */
public record WindowPlan(WindowSpec window, int lag, List<Part> parts) {

    /**
     * @param name    train, validation or test
     * @param range   the steps of the part
     * @param dates   their dates, or null
     * @param windows windows the part gives (0 when it is too short)
     * @param tooShort true when the part has steps but fewer than one window needs
     */
    public record Part(String name, IndexRange range, DateSpan dates, int windows, boolean tooShort) {
    }

    /**
     * @param index the series' time index
     * @param split the chronological split
     * @param window the window
     * @param lag steps each part loses to differencing (1 for log-returns, else 0)
     * @return how many windows each part gives
     */
    public static WindowPlan of(TimeIndex index, ChronoSplit split, WindowSpec window, int lag) {
        List<Part> parts = new ArrayList<>();
        String[] names = {"train", "validation", "test"};
        List<IndexRange> ranges = split.parts();
        for (int i = 0; i < 3; i++) {
            IndexRange r = ranges.get(i);
            int usable = Math.max(0, r.length() - lag);
            int windows = window.windowCount(usable);
            parts.add(new Part(names[i], r, DateSpan.of(index, r), windows, !r.isEmpty() && windows == 0));
        }
        return new WindowPlan(window, lag, parts);
    }

    /** @return windows over all parts */
    public int totalWindows() {
        return parts.stream().mapToInt(Part::windows).sum();
    }
}
