package dev.atwatch.spl.parse;

import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.ast.Span;
import java.util.Arrays;

/**
 * The query text as written and as expanded (macros replaced), with the map from each expanded
 * offset back to the written one, so diagnostics point at what the user wrote.
 */
public final class SourceText {

    private final String original;
    private final String expanded;
    private final int[] origin;
    private final int[] lineStarts;

    /**
     * @param origin for each offset of {@code expanded} (and one past its end), the offset in
     *     {@code original} it came from
     */
    public SourceText(String original, String expanded, int[] origin) {
        this.original = original;
        this.expanded = expanded;
        this.origin = origin;
        this.lineStarts = lineStarts(original);
    }

    /** Text without macros: each offset maps to itself. */
    public static SourceText plain(String text) {
        int[] origin = new int[text.length() + 1];
        Arrays.setAll(origin, i -> i);
        return new SourceText(text, text, origin);
    }

    public String original() {
        return original;
    }

    public String expanded() {
        return expanded;
    }

    /** Makes a diagnostic located at {@code span} of the expanded text. */
    public Diagnostic diagnostic(
            DiagnosticCode code, Span span, String message, String expected, String found) {
        int start = originOf(span.start());
        int last = originOf(Math.max(span.start(), span.end() - 1));
        int length = Math.max(1, last + 1 - start);
        int line = lineOf(start);
        int column = start - lineStarts[line - 1] + 1;
        return new Diagnostic(
                code.id(), code.severity(), line, column, length, message, expected, found);
    }

    private int originOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, origin.length - 1));
        return origin[clamped];
    }

    /** The 1-based line of an offset of the original text. */
    private int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
