package dev.iicsctl.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with aligned columns. Cells are never truncated. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            // Cells hold text from IICS: shown escaped, and a newline in one cannot break the alignment.
            row[i] = i < cells.length && cells[i] != null ? ControlChars.escape(cells[i].toString()) : "";
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out, Style style) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            String text = line.toString().stripTrailing();
            out.println(r == 0 ? style.bold(text) : text);
        }
    }
}
