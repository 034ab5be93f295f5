package io.github.rnnkit.apps.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the command line's entry point (issue 14): CSV files made by random mutations of the
 * Seattle sample (cut lines, swapped fields, random bytes, huge and tiny numbers, random quoting,
 * dropped, repeated and reordered lines, line endings, a byte-order mark), read by {@code data}
 * and some trained on by {@code train}; and random option values for {@code data} and
 * {@code train}. Every outcome must be success (0), or a one-line error with no stack trace and
 * the documented status: 2 for bad input, 3 for a diverged training. Seeded, so a failure names
 * the case that reproduces it.
 */
class CliFuzzTest {
    /** Mutated CSVs read by {@code data}; every {@link #TRAIN_EVERY}-th is trained on too. */
    static final int CSV_CASES = 600;
    static final int TRAIN_EVERY = 10;
    /** Random option sets, half for {@code data}, half for {@code train}. */
    static final int OPTION_CASES = 300;

    @TempDir
    Path dir;

    private static final String[] NUMBERS = {"1e308", "-1e308", "1e-320", "4.9e-324", "NaN", "Infinity", "-Infinity",
            "", "abc", "0", "-0", "1,5", "\"12\"", "0x1F", "1e400", "--1", "9999999999999999999"};
    private static final String[] VALUES = {"0", "-1", "1", "2", "3", "10", "2147483647", "-2147483648", "1e10", "NaN",
            "abc", "", "0.5", "1.5", "-0.1", "99999999999", "7,8", " "};

    @Test
    void everyOutcomeIsSuccessOrOneClearLine() throws IOException {
        Random r = new Random(14);
        List<String> lines = sampleLines(120);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (int i = 0; i < CSV_CASES; i++) {
            Path csv = dir.resolve("case-" + i + ".csv");
            Files.write(csv, mutate(lines, r));
            String column = r.nextBoolean() ? "weather" : "temp_max";
            cases++;
            check(failures, "csv " + i, "data", "--csv", csv.toString(), "--column", column);
            if (i % TRAIN_EVERY == 0) {
                cases++;
                check(failures, "csv " + i, "train", "--csv", csv.toString(), "--column", column, "--cell", "gru",
                        "--hidden", "3", "--epochs", "1", "--look-back", "5", "--out", dir.resolve("run-" + i).toString());
            }
        }
        Path small = dir.resolve("small.csv");
        Files.write(small, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < OPTION_CASES; i++) {
            boolean train = i % 2 == 1;
            List<String> args = new ArrayList<>(List.of(train ? "train" : "data", "--csv", small.toString(), "--column",
                    r.nextBoolean() ? "weather" : "temp_max"));
            String[] options = train
                    ? new String[]{"--look-back", "--horizon", "--split", "--epochs", "--batch", "--hidden", "--lr", "--dropout",
                    "--patience", "--clip", "--tbptt", "--scaler", "--cell", "--kind", "--seed"}
                    : new String[]{"--look-back", "--horizon", "--split", "--kind", "--missing", "--date-column"};
            for (String o : options) {
                if (r.nextInt(3) == 0 || o.equals("--cell") && train) {
                    args.add(o);
                    args.add(value(o, r));
                }
            }
            if (train) {
                if (!args.contains("--epochs")) {
                    args.addAll(List.of("--epochs", "1"));
                }
                if (!args.contains("--hidden")) {
                    args.addAll(List.of("--hidden", "3"));
                }
                args.addAll(List.of("--out", dir.resolve("opt-" + i).toString()));
            }
            cases++;
            check(failures, "options " + i, args.toArray(new String[0]));
        }
        System.out.println("CliFuzzTest: " + cases + " generated cases; exit statuses " + STATUSES);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases failed:\n" + String.join("\n", failures));
    }

    private static String value(String option, Random r) {
        return switch (option) {
            case "--cell" -> pick(r, "gru", "lstm", "rnn", "tcn", "", "GRU");
            case "--kind" -> pick(r, "categorical", "price", "prices", "");
            case "--scaler" -> pick(r, "none", "min-max", "z-score", "log-returns", "log-return", "zscore", "");
            case "--clip" -> pick(r, "none", "l2-per-layer:1.0", "elementwise:0.5", "l2:0", "elementwise:-1", "x:y", "l2-per-layer:NaN");
            case "--tbptt" -> pick(r, "5", "5:3", "3:5", "0", "-2", "a:b", "5:", ":5", "2147483647");
            case "--split" -> pick(r, "0.7,0.15,0.15", "0.5,0.5,0", "1,0,0", "0.7,0.15", "0.7,0.15,0.150000001", "a,b,c",
                    "-0.1,0.6,0.5", "0.98,0.01,0.01", "");
            case "--epochs" -> pick(r, "0", "-3", "1", "2", "x", "1.5");
            case "--missing" -> pick(r, "error", "drop", "forward-fill", "zero", "");
            case "--date-column" -> pick(r, "date", "weather", "nothing", "");
            default -> VALUES[r.nextInt(VALUES.length)];
        };
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static final java.util.Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();

    private static void check(List<String> failures, String name, String... args) {
        CliRun run;
        try {
            run = CliRun.of(args);
        } catch (Throwable t) {
            failures.add(name + ": threw " + t + " for " + Arrays.toString(args));
            return;
        }
        STATUSES.merge(run.status(), 1, Integer::sum);
        String err = run.err().strip();
        boolean ok = run.status() == 0
                || (run.status() == 2 || run.status() == 3) && err.lines().count() == 1
                && err.startsWith("rnnkit ") && err.contains(": error: ")
                && !err.contains("Exception") && !err.contains("\tat ") && !err.contains("internal error");
        if (!ok) {
            failures.add(name + ": exit " + run.status() + " for " + Arrays.toString(args) + "\n    " + err.replace("\n", "\n    "));
        }
    }

    private static List<String> sampleLines(int n) throws IOException {
        try (InputStream in = CliFuzzTest.class.getResourceAsStream("/io/github/rnnkit/data/samples/seattle-weather.csv")) {
            List<String> all = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return new ArrayList<>(all.subList(0, n + 1));
        }
    }

    /** One to three random mutations of the lines, as bytes (some mutations are not text). */
    static byte[] mutate(List<String> original, Random r) {
        List<String> lines = new ArrayList<>(original);
        int count = 1 + r.nextInt(3);
        boolean crlf = false;
        boolean bom = false;
        byte[] junk = null;
        int junkAt = 0;
        for (int m = 0; m < count && lines.size() > 2; m++) {
            int i = 1 + r.nextInt(lines.size() - 1);
            String line = lines.get(i);
            switch (r.nextInt(12)) {
                case 0 -> lines.set(i, line.substring(0, r.nextInt(line.length() + 1)));               // cut a line
                case 1 -> {                                                                          // swap two fields
                    String[] f = line.split(",", -1);
                    int a = r.nextInt(f.length);
                    int b = r.nextInt(f.length);
                    String t = f[a];
                    f[a] = f[b];
                    f[b] = t;
                    lines.set(i, String.join(",", f));
                }
                case 2 -> {                                                                          // random bytes
                    junk = new byte[1 + r.nextInt(12)];
                    r.nextBytes(junk);
                    junkAt = r.nextInt(200);
                }
                case 3 -> {                                                                          // huge, tiny, odd numbers
                    String[] f = line.split(",", -1);
                    f[r.nextInt(f.length)] = NUMBERS[r.nextInt(NUMBERS.length)];
                    lines.set(i, String.join(",", f));
                }
                case 4 -> {                                                                          // random quoting
                    String[] f = line.split(",", -1);
                    int k = r.nextInt(f.length);
                    f[k] = r.nextBoolean() ? "\"" + f[k] + "\"" : "\"" + f[k];
                    lines.set(i, String.join(",", f));
                }
                case 5 -> lines.remove(i);                                                           // drop a line
                case 6 -> lines.add(i, line);                                                        // repeat a line
                case 7 -> {                                                                          // reorder lines
                    int j = 1 + r.nextInt(lines.size() - 1);
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 8 -> lines.set(0, lines.get(0).replace(r.nextBoolean() ? "weather" : "date", "x"));  // rename a column
                case 9 -> crlf = true;
                case 10 -> bom = true;
                default -> lines.subList(1 + r.nextInt(lines.size() - 1), lines.size()).clear();    // truncate
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        byte[] text = String.join(crlf ? "\r\n" : "\n", lines).getBytes(StandardCharsets.UTF_8);
        if (junk != null) {
            int at = Math.min(junkAt, text.length);
            out.write(text, 0, at);
            out.writeBytes(junk);
            out.write(text, at, text.length - at);
        } else {
            out.writeBytes(text);
        }
        return out.toByteArray();
    }
}
