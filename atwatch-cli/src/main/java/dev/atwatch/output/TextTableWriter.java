package dev.atwatch.output;

import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain text table with aligned columns. When a width is given, wide columns are shortened
 * (widest first, with an ellipsis) until the table fits; width 0 shows every cell whole. With
 * colour on, rows are coloured by their {@code SuspicionScore} with ANSI escapes. Control
 * characters of cells (logs may carry terminal escapes) are shown as spaces.
 */
public final class TextTableWriter implements ResultWriter {

    private static final String GAP = "  ";
    private static final int NARROWEST = 6;

    /** ANSI colours of rows by score: 1, 2, 3 or more (0 is not coloured). */
    private static final String[] SCORE_COLOURS = {
        "", "\u001b[33m", "\u001b[38;5;208m", "\u001b[31;1m"
    };

    private static final String RESET = "\u001b[0m";

    private final int width;
    private final boolean colour;

    public TextTableWriter(int width) {
        this(width, false);
    }

    /** A table fitted to {@code width} (0: no fitting), coloured by score when {@code colour}. */
    public TextTableWriter(int width, boolean colour) {
        this.width = width;
        this.colour = colour;
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
        writeLine(columns, widths, out, "");
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        writeLine(rule, widths, out, "");
        int scoreColumn = columns.indexOf("SuspicionScore");
        for (List<String> line : cells) {
            String start = colour && scoreColumn >= 0 ? scoreColour(line.get(scoreColumn)) : "";
            out.write(start);
            writeLine(line, widths, out, start.isEmpty() ? "" : RESET);
        }
        out.flush();
    }

    private static String flatten(String cell) {
        StringBuilder flat = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != '\r') {
                flat.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? ' ' : c);
            }
        }
        return flat.toString();
    }

    private static String scoreColour(String score) {
        try {
            int value = (int) Math.round(Double.parseDouble(score));
            return SCORE_COLOURS[Math.max(0, Math.min(3, value))];
        } catch (NumberFormatException e) {
            return "";
        }
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

    private static void writeLine(List<String> cells, int[] widths, Writer out, String end)
            throws IOException {
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
        out.write(end);
        out.write('\n');
    }
}
