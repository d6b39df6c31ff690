package dev.atwatch.spl;

/**
 * One problem found in a query.
 *
 * @param code a stable code such as {@code SPL001} (see {@link DiagnosticCode})
 * @param severity whether the query can still run
 * @param line 1-based line in the query text as the user wrote it (before macro expansion)
 * @param column 1-based column in that line
 * @param length how many characters the problem spans, at least 1
 * @param message what is wrong, for a person
 * @param expected what the parser expected there, or {@code null}
 * @param found what it found there (quoted, at most a short piece), or {@code null}
 */
public record Diagnostic(
        String code,
        Severity severity,
        int line,
        int column,
        int length,
        String message,
        String expected,
        String found) {

    /**
     * Multi-line text: {@code "line:col: code: message"}, the query line, and a caret line under
     * the problem. Tabs of the query line are kept in the caret line so the caret lines up.
     */
    public String render(String queryText) {
        StringBuilder text = new StringBuilder();
        text.append(line).append(':').append(column).append(": ").append(code).append(": ");
        text.append(message);
        if (expected != null || found != null) {
            text.append(" (");
            if (expected != null) {
                text.append("expected ").append(expected);
            }
            if (found != null) {
                text.append(expected != null ? ", " : "").append("found ").append(found);
            }
            text.append(')');
        }
        String source = lineOf(queryText, line);
        if (source != null) {
            text.append('\n').append(source).append('\n').append(caret(source));
        }
        return text.toString();
    }

    private String caret(String source) {
        StringBuilder caret = new StringBuilder();
        int start = Math.min(Math.max(column - 1, 0), source.length());
        for (int i = 0; i < start; i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, Math.min(length, source.length() - start));
        caret.append("^".repeat(width));
        return caret.toString();
    }

    private static String lineOf(String text, int line) {
        if (text == null || line < 1) {
            return null;
        }
        String[] lines = text.split("\r?\n", -1);
        return line <= lines.length ? lines[line - 1] : null;
    }
}
