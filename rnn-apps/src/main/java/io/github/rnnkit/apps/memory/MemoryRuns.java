package io.github.rnnkit.apps.memory;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.DataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finished memory runs as CSV, written after each run and read back when a killed sweep resumes. */
final class MemoryRuns {
    static final String HEADER = "task,cell,lag,seed,test_error,updates,seconds";

    private MemoryRuns() {
    }

    /** @return the runs, one line each; doubles in full so that a resumed run reports exactly the same */
    static String csv(List<MemoryRun> runs) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (MemoryRun r : runs) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%d,%s%n", r.task().label(), r.cell().label(), r.lag(), r.seed(),
                    Double.toString(r.testError()), r.updates(), Double.toString(r.seconds())));
        }
        return sb.toString();
    }

    /**
     * @param text   what {@link #csv} wrote
     * @param source the file's name, for errors
     * @return the runs
     */
    static List<MemoryRun> parse(String text, String source) {
        List<MemoryRun> out = new ArrayList<>();
        String[] lines = text.split("\n");
        if (text.isBlank()) {
            return out;
        }
        if (!lines[0].strip().equals(HEADER)) {
            throw new DataException(source, "not a memory progress file: its header is '" + lines[0].strip() + "'");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].strip().split(",");
            try {
                if (f.length != 7) {
                    throw new IllegalArgumentException("expected 7 fields, got " + f.length);
                }
                out.add(new MemoryRun(MemoryTask.parse(f[0]), CellType.parse(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                        Double.parseDouble(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6])));
            } catch (IllegalArgumentException e) {
                throw new DataException(source, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
