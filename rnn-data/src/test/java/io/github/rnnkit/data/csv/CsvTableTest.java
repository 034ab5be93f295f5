package io.github.rnnkit.data.csv;

import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void readsColumnsByNameWithTheirLines() {
        Path f = TestFiles.csv(dir, "w.csv", "date,weather\n2020-01-01, sun\n\n2020-01-02,\"rain\"\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("date", "weather"), t.header());
        assertEquals(List.of("sun", "rain"), t.column("weather"));
        assertArrayEquals(new int[]{2, 4}, t.lines(), "blank line 3 is skipped but counted");
    }

    @Test
    void missingFileIsNamed() {
        DataException e = assertThrows(DataException.class, () -> CsvTable.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().endsWith("nope.csv: file not found"), e.getMessage());
    }

    @Test
    void emptyFile() {
        DataException e = assertThrows(DataException.class, () -> CsvTable.read(TestFiles.csv(dir, "e.csv", "")));
        assertTrue(e.getMessage().contains("file is empty"), e.getMessage());
    }

    @Test
    void headerOnly() {
        DataException e = assertThrows(DataException.class, () -> CsvTable.read(TestFiles.csv(dir, "h.csv", "date,close\n")));
        assertTrue(e.getMessage().contains("has a header but no data rows"), e.getMessage());
    }

    @Test
    void raggedRowNamesItsLine() {
        Path f = TestFiles.csv(dir, "r.csv", "a,b\n1,2\n3\n");
        DataException e = assertThrows(DataException.class, () -> CsvTable.read(f));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("has 1 fields but the header has 2"), e.getMessage());
    }

    @Test
    void duplicateHeaderColumn() {
        Path f = TestFiles.csv(dir, "d.csv", "a,a\n1,2\n");
        DataException e = assertThrows(DataException.class, () -> CsvTable.read(f));
        assertEquals("a", e.column());
        assertEquals(1, e.line());
    }

    @Test
    void missingColumnListsTheColumnsThatExist() {
        CsvTable t = CsvTable.read(TestFiles.csv(dir, "m.csv", "date,close\n2020-01-01,1\n"));
        DataException e = assertThrows(DataException.class, () -> t.column("Close"));
        assertEquals("Close", e.column());
        assertTrue(e.getMessage().contains("no such column; the columns are date, close"), e.getMessage());
    }
}
