package io.github.rnnkit.apps.data;

import io.github.rnnkit.apps.cli.CliRun;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.summary.WindowPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandTest {
    @TempDir
    static Path dir;

    @Test
    void seattleSampleIsProfiled() {
        DataReport r = DataSummaryApp.run(DataOptions.of(SampleDataset.SEATTLE_WEATHER));
        assertEquals(SeriesKind.CATEGORICAL, r.kind());
        assertTrue(r.kindInferred());
        assertEquals(1461, r.length());
        assertEquals(641, r.categorical().counts().get("rain"));
        assertEquals(List.of(1013, 209, 209), r.plan().parts().stream().map(WindowPlan.Part::windows).toList());
        assertEquals("date", r.dateColumn());
    }

    @Test
    void commandPrintsTheSummary() {
        CliRun r = CliRun.of("data", "--sample", "seattle-weather");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("categories (5):"), r.out());
        assertTrue(r.out().contains("2012-01-01 .. 2015-12-31"), r.out());
        assertTrue(r.out().contains("train        1023 steps"), r.out());
    }

    @Test
    void priceColumnWithDatesAndVolume() throws IOException {
        StringBuilder csv = new StringBuilder("Date,Close,Volume\n");
        for (int i = 0; i < 60; i++) {
            csv.append(String.format("2021-%02d-%02d,%d.5,%d%n", 1 + i / 28, 1 + i % 28, 100 + i, 1000 + i));
        }
        Path f = Files.writeString(dir.resolve("stock.csv"), csv);
        CliRun r = CliRun.of("data", "--csv", f.toString(), "--column", "Close", "--look-back", "5", "--horizon", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Close: min 100.5  max 159.5"), r.out());
        assertTrue(r.out().contains("seq2seq"), r.out());
    }

    /** Bad input: exit status 2 and one line saying what and where, never a stack trace. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "missing file     | --csv,{dir}/nope.csv,--column,close            | nope.csv: file not found",
            "empty file       | --csv,{empty},--column,close                   | file is empty",
            "header only      | --csv,{header},--column,close                  | has a header but no data rows",
            "missing column   | --csv,{prices},--column,Close                  | column 'Close': no such column; the columns are date, close",
            "non-numeric      | --csv,{typo},--column,close                    | line 12, column 'close': 'abc' is not a number",
            "NaN              | --csv,{nan},--column,close                     | line 3, column 'close': NaN",
            "infinity         | --csv,{inf},--column,close                     | line 4, column 'close': '-inf' is infinite",
            "blank value      | --csv,{blank},--column,close,--kind,price      | line 2, column 'close': blank value",
            "unsorted dates   | --csv,{unsorted},--column,close                | line 3, column 'date': date 2020-01-01 comes after 2020-01-02",
            "duplicate dates  | --csv,{duplicate},--column,close               | line 3, column 'date': duplicate date 2020-01-02",
            "too short        | --csv,{prices},--column,close,--look-back,30   | the series has 20 steps; look-back 30, horizon 1, many-to-one needs at least 31",
            "look-back 0      | --csv,{prices},--column,close,--look-back,0    | option '--look-back': must be at least 1, got 0",
            "bad fractions    | --csv,{prices},--column,close,--split,0.5,0.2,0.2 | split fractions 0.5 + 0.2 + 0.2 add up to 0.9",
            "unknown sample   | --sample,nyc                                   | unknown sample 'nyc'; available: seattle-weather",
            "file and sample  | --csv,{prices},--sample,seattle-weather        | mutually exclusive",
            "bad kind         | --sample,seattle-weather,--kind,colour         | 'colour' is not a kind",
    })
    void badInputIsOneLineAndExitStatus2(String what, String args, String says) throws IOException {
        String[] argv = ("data," + args).split(",");
        for (int i = 0; i < argv.length; i++) {
            argv[i] = argv[i].replace("{dir}", dir.toString());
            if (argv[i].startsWith("{")) {
                argv[i] = file(argv[i].substring(1, argv[i].length() - 1)).toString();
            }
        }
        // The split fractions option takes the three comma-separated numbers as one argument.
        List<String> joined = new java.util.ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("--split")) {
                joined.add(argv[i]);
                joined.add(argv[i + 1] + "," + argv[i + 2] + "," + argv[i + 3]);
                i += 3;
            } else {
                joined.add(argv[i]);
            }
        }
        CliRun r = CliRun.of(joined.toArray(new String[0]));
        assertEquals(2, r.status(), what + ": " + r.err());
        assertTrue(r.err().contains(says), what + ": " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    private static Path file(String name) throws IOException {
        Path f = dir.resolve(name + ".csv");
        if (Files.exists(f)) {
            return f;
        }
        StringBuilder sb = new StringBuilder();
        switch (name) {
            case "empty" -> { }
            case "header" -> sb.append("date,close\n");
            case "prices", "typo", "nan", "inf", "blank", "unsorted", "duplicate" -> {
                sb.append("date,close\n");
                for (int i = 0; i < 20; i++) {
                    String value = Integer.toString(100 + i);
                    String date = "2020-01-" + String.format("%02d", i + 1);
                    if (name.equals("typo") && i == 10) {
                        value = "abc";
                    } else if (name.equals("nan") && i == 1) {
                        value = "NaN";
                    } else if (name.equals("inf") && i == 2) {
                        value = "-inf";
                    } else if (name.equals("blank") && i == 0) {
                        value = "";
                    } else if (name.equals("unsorted") && i == 1) {
                        date = "2020-01-01";
                        sb.setLength(0);
                        sb.append("date,close\n2020-01-02,100\n");
                    } else if (name.equals("duplicate") && i == 1) {
                        date = "2020-01-01";
                        sb.setLength(0);
                        sb.append("date,close\n2020-01-02,100\n");
                        date = "2020-01-02";
                    }
                    sb.append(date).append(',').append(value).append('\n');
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
        return Files.writeString(f, sb);
    }
}
