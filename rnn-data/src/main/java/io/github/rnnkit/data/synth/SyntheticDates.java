package io.github.rnnkit.data.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Dates for generated series: consecutive days, or weekdays for prices. */
final class SyntheticDates {
    static final LocalDate START = LocalDate.of(2020, 1, 1);

    private SyntheticDates() {
    }

    static List<LocalDate> days(int n) {
        List<LocalDate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(START.plusDays(i));
        }
        return out;
    }

    static List<LocalDate> weekdays(int n) {
        List<LocalDate> out = new ArrayList<>(n);
        LocalDate d = START;
        while (out.size() < n) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
            d = d.plusDays(1);
        }
        return out;
    }
}
