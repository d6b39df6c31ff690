package dev.atwatch.output;

import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain text table with aligned columns. When a width is given, wide columns are shortened
 * (widest first, with an ellipsis) until the table fits; width 0 shows every cell whole.
 */
public final class TextTableWriter implements ResultWriter {

    private static final String GAP = "  ";
    private static final int NARROWEST = 6;

    private final int width;

    public TextTableWriter(int width) {
        this.width = width;
    }

    @Override
    public void write(ResultTable table, Writer out) throws IOException {
        List<String> columns = table.columns();
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, FieldValue> row : table.rows()) {
            List<String> line = new ArrayList<>();
            for (String column : columns) {
                line.add(flatten(Values.text(column, row.get(column), "; ")));
            }
            cells.add(line);
        }
        int[] widths = fit(naturalWidths(columns, cells));
        writeLine(columns, widths, out);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        writeLine(rule, widths, out);
        for (List<String> line : cells) {
            writeLine(line, widths, out);
        }
        out.flush();
    }

    private static String flatten(String cell) {
        return cell.replace("\r", "").replace('\n', ' ').replace('\t', ' ');
    }

    private static int[] naturalWidths(List<String> columns, List<List<String>> cells) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
        }
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        return widths;
    }

    /** Shrinks the widest column one character at a time until the table fits. */
    private int[] fit(int[] widths) {
        if (width <= 0) {
            return widths;
        }
        int total = total(widths);
        while (total > width) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= NARROWEST) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static int total(int[] widths) {
        int sum = GAP.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private static void writeLine(List<String> cells, int[] widths, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String cell = cells.get(i);
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i] - 1) + "\u2026";
            }
            line.append(cell);
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - cell.length()));
            }
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }
}
