package io.github.rnnkit.apps.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A matrix of values in [0, 1] drawn as a grey-scale grid (white 0, black 1), e.g. attention
 * weights with a row per decoder step and a column per source step.
 *
 * @param title   the title
 * @param values  {@code [rows][columns]}, each in [0, 1]
 * @param rowName what a row is (the y axis)
 * @param colName what a column is (the x axis)
 * @param rowTicks a label per row, or null for row numbers
 * @param colTicks a label per column, or null for column numbers
 */
public record HeatMap(String title, double[][] values, String rowName, String colName, List<String> rowTicks,
                     List<String> colTicks) {
    private static final int CELL_MAX = 24;
    private static final int MARGIN = 70;

    /**
     * Validates the values.
     *
     * @param title the title
     * @param values {@code [rows][columns]}, each in [0, 1]
     * @param rowName what a row is (the y axis)
     * @param colName what a column is (the x axis)
     * @param rowTicks a label per row, or null for row numbers
     * @param colTicks a label per column, or null for column numbers
     * @throws IllegalArgumentException when the matrix is empty or ragged
     */
    public HeatMap {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("a heat map needs at least one row and one column");
        }
        for (double[] row : values) {
            if (row.length != values[0].length) {
                throw new IllegalArgumentException("a heat map's rows must have equal lengths");
            }
        }
    }

    /** @return the values as a table, a row per matrix row */
    public Table table() {
        String[] header = new String[values[0].length + 1];
        header[0] = rowName + " \\ " + colName;
        for (int c = 0; c < values[0].length; c++) {
            header[c + 1] = colTicks == null ? String.valueOf(c + 1) : colTicks.get(c);
        }
        Table.Builder t = Table.builder(header);
        for (int r = 0; r < values.length; r++) {
            Object[] cells = new Object[values[r].length + 1];
            cells[0] = rowTicks == null ? String.valueOf(r + 1) : rowTicks.get(r);
            for (int c = 0; c < values[r].length; c++) {
                cells[c + 1] = Table.fixed(values[r][c], 4);
            }
            t.row(cells);
        }
        return t.build();
    }

    /**
     * Writes the heat map as a PNG.
     *
     * @param file the PNG file
     */
    public void png(Path file) {
        int rows = values.length;
        int cols = values[0].length;
        int cell = Math.max(4, Math.min(CELL_MAX, 640 / Math.max(rows, cols)));
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        int titleWidth = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(titleFont)
                .stringWidth(title) + 20;
        int width = Math.max(MARGIN + cols * cell + 20, titleWidth);
        int height = MARGIN + rows * cell + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), height);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, 8, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(rowName + " ↓ (rows), " + colName + " → (columns); black = weight 1, white = 0", 8, 38);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = Math.max(0, Math.min(1, values[r][c]));
                int grey = (int) Math.round(255 * (1 - v));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(MARGIN + c * cell, MARGIN - 20 + r * cell, cell, cell);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(MARGIN, MARGIN - 20, cols * cell, rows * cell);
        g.setColor(Color.BLACK);
        int every = Math.max(1, 14 / cell + 1);
        for (int r = 0; r < rows; r += every) {
            g.drawString(rowTicks == null ? String.valueOf(r + 1) : rowTicks.get(r), 8, MARGIN - 20 + r * cell + cell - 2);
        }
        for (int c = 0; c < cols; c += every) {
            g.drawString(colTicks == null ? String.valueOf(c + 1) : colTicks.get(c), MARGIN + c * cell + 1,
                    MARGIN - 20 + rows * cell + 14);
        }
        g.dispose();
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
