package io.github.rnnkit.data.series;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsPricesWithDatesAndSeveralFeatures() {
        Path f = TestFiles.csv(dir, "p.csv", "Date,close,volume\n2020-01-02,10.5,100\n2020-01-03,11,200\n2020-01-06,12.25,50\n");
        PriceSeries p = SeriesReader.of(f).prices("close", "volume");
        assertEquals(List.of("close", "volume"), p.features());
        assertArrayEquals(new double[]{10.5, 11, 12.25}, p.target());
        assertArrayEquals(new double[]{100, 200, 50}, p.feature(1));
        assertEquals(LocalDate.of(2020, 1, 6), p.index().date(2));
        assertEquals(4, p.index().line(2));
    }

    @Test
    void readsCategoriesWithoutDates() {
        Path f = TestFiles.csv(dir, "c.csv", "weather\nsun\nrain\nsun\n");
        CategoricalSeries s = SeriesReader.of(f).categorical("weather");
        assertEquals(List.of("sun", "rain", "sun"), s.values());
        assertNull(s.index().dates());
    }

    /** Each bad input is reported with its line and column, and says what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "non-numeric price | date,close\\n2020-01-01,1\\n2020-01-02,abc\\n | close | 3 | 'abc' is not a number",
            "NaN price         | date,close\\n2020-01-01,NaN\\n                | close | 2 | NaN",
            "infinite price    | date,close\\n2020-01-01,1\\n2020-01-02,Infinity\\n | close | 3 | is infinite",
            "blank price       | date,close\\n2020-01-01,1\\n2020-01-02,\\n     | close | 3 | blank value",
            "unsorted dates    | date,close\\n2020-01-02,1\\n2020-01-01,2\\n    | date  | 3 | rows must be sorted by increasing date",
            "duplicate dates   | date,close\\n2020-01-02,1\\n2020-01-02,2\\n    | date  | 3 | duplicate date 2020-01-02 (also on line 2)",
            "bad date          | date,close\\n02/01/2020,1\\n                 | date  | 2 | is not a date (expected yyyy-MM-dd)",
    })
    void badPricesAreReportedWhereTheyAre(String what, String text, String column, int line, String says) {
        Path f = TestFiles.csv(dir, "bad.csv", text.replace("\\n", "\n"));
        DataException e = assertThrows(DataException.class, () -> SeriesReader.of(f).prices("close"));
        assertEquals(column, e.column());
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void blankCategoryIsAnError() {
        Path f = TestFiles.csv(dir, "c.csv", "date,weather\n2020-01-01,sun\n2020-01-02,\n");
        DataException e = assertThrows(DataException.class, () -> SeriesReader.of(f).categorical("weather"));
        assertEquals(3, e.line());
        assertEquals("weather", e.column());
    }

    @Test
    void dropAndForwardFillAreExplicitAndRecorded() {
        Path f = TestFiles.csv(dir, "g.csv", "date,close\n2020-01-01,1\n2020-01-02,\n2020-01-03,NaN\n2020-01-04,4\n");
        PriceSeries dropped = SeriesReader.of(f).optMissing(MissingValues.DROP).prices("close");
        assertArrayEquals(new double[]{1, 4}, dropped.target());
        assertArrayEquals(new int[]{3, 4}, dropped.missingLines());
        assertEquals(LocalDate.of(2020, 1, 4), dropped.index().date(1));
        PriceSeries filled = SeriesReader.of(f).optMissing(MissingValues.FORWARD_FILL).prices("close");
        assertArrayEquals(new double[]{1, 1, 1, 4}, filled.target());
    }

    @Test
    void forwardFillCannotStartWithAGap() {
        Path f = TestFiles.csv(dir, "g.csv", "weather\n\nsun\n");
        Path g = TestFiles.csv(dir, "g2.csv", "n,weather\n1,\n2,sun\n");
        DataException e = assertThrows(DataException.class,
                () -> SeriesReader.of(g).optMissing(MissingValues.FORWARD_FILL).categorical("weather"));
        assertEquals(2, e.line());
        assertEquals(1, SeriesReader.of(f).categorical("weather").length(), "a wholly blank line is no row");
    }

    @Test
    void kindIsInferredFromValues() {
        Path f = TestFiles.csv(dir, "k.csv", "a,b\n1.5,x\n-2,3\n");
        assertEquals(SeriesKind.PRICE, SeriesReader.of(f).inferKind("a"));
        assertEquals(SeriesKind.CATEGORICAL, SeriesReader.of(f).inferKind("b"));
    }

    @Test
    void seriesBuiltFromValuesAreCheckedToo() {
        DataException e = assertThrows(DataException.class, () -> PriceSeries.of("mine", 1, Double.NaN));
        assertTrue(e.getMessage().contains("at step 1"), e.getMessage());
        assertThrows(DataException.class, () -> CategoricalSeries.of("mine", List.of("a", " ")));
        assertThrows(DataException.class, () -> PriceSeries.of("mine"));
    }

    @Test
    void unseenCategoryNamesItAndItsLine() {
        Path f = TestFiles.csv(dir, "u.csv", "weather\nsun\nrain\nhail\n");
        CategoricalSeries s = SeriesReader.of(f).categorical("weather");
        DataException e = assertThrows(DataException.class, () -> s.encode(Vocabulary.of("rain", "sun")));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("category 'hail' was not in the training part (known: rain, sun)"), e.getMessage());
    }
}
