package dev.atwatch.output;

import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain text table with aligned columns, fitted to a width when one is given (width 0 shows every
 * column and every cell whole).
 *
 * <p>A table wider than the width keeps the most useful columns ({@link #KEPT_FIRST}, in that
 * order, as many as can each be given {@link #LEAST_WIDTH} characters), then the other columns that
 * fit whole, in table order; the rest are left out and {@link HiddenColumns} is told. Cells of the
 * kept columns are then shortened, widest first, with an ellipsis. With colour on, rows are
 * coloured by their {@code SuspicionScore} with ANSI escapes. Control characters of cells (logs may
 * carry terminal escapes) are shown as spaces.
 */
public final class TextTableWriter implements ResultWriter {

    /**
     * The columns a narrow table keeps, most useful first: when and where, which rule and how
     * suspicious, what ran (the command line, the user, the image), and where the event is; for
     * chains, their status and id.
     */
    public static final List<String> KEPT_FIRST =
            List.of(
                    "_time",
                    "host",
                    "rule",
                    "SuspicionScore",
                    "CommandLine",
                    "Process_Command_Line",
                    "command",
                    "User",
                    "user",
                    "Image",
                    "New_Process_Name",
                    "exe",
                    "source",
                    "status",
                    "chain");

    /** Fewest characters a kept column is given (a narrower column keeps its own width). */
    public static final int LEAST_WIDTH = 18;

    /** Told, for each table written, when columns were left out to fit the width. */
    public interface HiddenColumns {

        /** {@code shown} of the table's {@code total} columns were written (told after it). */
        void hidden(int shown, int total);

        HiddenColumns IGNORE = (shown, total) -> {};
    }

    private static final String GAP = "  ";
    private static final String ELLIPSIS = "\u2026";

    /** ANSI colours of rows by score: 1, 2, 3 or more (0 is not coloured). */
    private static final String[] SCORE_COLOURS = {
        "", "\u001b[33m", "\u001b[38;5;208m", "\u001b[31;1m"
    };

    private static final String RESET = "\u001b[0m";

    private final int width;
    private final boolean colour;
    private final HiddenColumns hidden;

    public TextTableWriter(int width) {
        this(width, false, HiddenColumns.IGNORE);
    }

    /**
     * A table fitted to {@code width} (0: no fitting), coloured by score when {@code colour};
     * {@code hidden} hears of the columns left out.
     */
    public TextTableWriter(int width, boolean colour, HiddenColumns hidden) {
        this.width = width;
        this.colour = colour;
        this.hidden = hidden;
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
        int[] natural = naturalWidths(columns, cells);
        List<Integer> shown = shownColumns(columns, natural);
        int[] widths = shrink(select(natural, shown));

        writeLine(select(columns, shown), widths, out, "");
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        writeLine(rule, widths, out, "");
        int scoreColumn = columns.indexOf("SuspicionScore");
        for (List<String> line : cells) {
            String start = colour && scoreColumn >= 0 ? scoreColour(line.get(scoreColumn)) : "";
            out.write(start);
            writeLine(select(line, shown), widths, out, start.isEmpty() ? "" : RESET);
        }
        out.flush();
        if (shown.size() < columns.size()) {
            hidden.hidden(shown.size(), columns.size());
        }
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
            widths[i] = length(columns.get(i));
        }
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], length(line.get(i)));
            }
        }
        return widths;
    }

    /** The indexes of the columns to write, in table order. */
    private List<Integer> shownColumns(List<String> columns, int[] natural) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            all.add(i);
        }
        if (width <= 0 || total(natural, all) <= width) {
            return all;
        }
        List<Integer> ranked = ranked(columns);
        List<Integer> kept = keptFirst(ranked.isEmpty() ? all : ranked, natural);

        // then the others, in table order, while every kept cell is still shown whole
        for (int column : all) {
            if (!kept.contains(column)) {
                kept.add(column);
                if (total(natural, kept) > width) {
                    kept.remove(kept.size() - 1);
                }
            }
        }
        kept.sort(null);
        return kept;
    }

    /**
     * The longest prefix of {@code ranked} whose columns can each have their least width, and at
     * least its first column.
     */
    private List<Integer> keptFirst(List<Integer> ranked, int[] natural) {
        int[] least = new int[natural.length];
        for (int i = 0; i < natural.length; i++) {
            least[i] = Math.min(natural[i], LEAST_WIDTH);
        }
        List<Integer> kept = new ArrayList<>();
        for (int column : ranked) {
            kept.add(column);
            if (total(least, kept) > width) {
                kept.remove(kept.size() - 1);
                break;
            }
        }
        if (kept.isEmpty()) {
            kept.add(ranked.get(0));
        }
        return kept;
    }

    /** The indexes of the {@link #KEPT_FIRST} columns the table has, in rank order. */
    private static List<Integer> ranked(List<String> columns) {
        List<Integer> ranked = new ArrayList<>();
        for (String name : KEPT_FIRST) {
            int index = columns.indexOf(name);
            if (index >= 0) {
                ranked.add(index);
            }
        }
        return ranked;
    }

    /** Shrinks the widest column one character at a time until the table fits. */
    private int[] shrink(int[] widths) {
        if (width <= 0) {
            return widths;
        }
        int sum = sum(widths);
        while (sum > width) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= 1) {
                break;
            }
            widths[widest]--;
            sum--;
        }
        return widths;
    }

    private static int total(int[] widths, List<Integer> columns) {
        int sum = GAP.length() * Math.max(0, columns.size() - 1);
        for (int column : columns) {
            sum += widths[column];
        }
        return sum;
    }

    private static int sum(int[] widths) {
        int sum = GAP.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private static int[] select(int[] values, List<Integer> columns) {
        int[] selected = new int[columns.size()];
        for (int i = 0; i < selected.length; i++) {
            selected[i] = values[columns.get(i)];
        }
        return selected;
    }

    private static List<String> select(List<String> values, List<Integer> columns) {
        List<String> selected = new ArrayList<>(columns.size());
        for (int column : columns) {
            selected.add(values.get(column));
        }
        return selected;
    }

    /** Characters as the terminal counts them: code points, not UTF-16 units. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** {@code text} cut to {@code width} characters, the last one an ellipsis. */
    private static String cut(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(0, width - 1));
        return text.substring(0, end) + ELLIPSIS;
    }

    private static void writeLine(List<String> cells, int[] widths, Writer out, String end)
            throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String cell = cut(cells.get(i), widths[i]);
            line.append(cell);
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - length(cell)));
            }
        }
        out.write(line.toString().stripTrailing());
        out.write(end);
        out.write('\n');
    }
}
