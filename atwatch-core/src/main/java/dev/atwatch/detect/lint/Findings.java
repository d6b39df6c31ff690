package dev.atwatch.detect.lint;

import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.Severity;
import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The findings of one lint run, located by line and column in the query text. */
final class Findings {

    private final String text;
    private final List<Diagnostic> found = new ArrayList<>();

    Findings(String text) {
        this.text = text;
    }

    /** Records a finding at {@code span} of the query text. */
    void add(LintCode code, Severity severity, Span span, String message) {
        int start = Math.max(0, Math.min(span.start(), text.length()));
        int end = Math.max(start + 1, Math.min(span.end(), text.length()));
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        int lineEnd = text.indexOf('\n', start);
        int length = Math.min(end, lineEnd < 0 ? text.length() : lineEnd) - start;
        found.add(
                new Diagnostic(
                        code.id(),
                        severity,
                        line,
                        start - lineStart + 1,
                        Math.max(1, length),
                        message,
                        null,
                        null));
    }

    /** Adds diagnostics made elsewhere (the compiler's). */
    void addAll(List<Diagnostic> diagnostics) {
        found.addAll(diagnostics);
    }

    /** Every finding, by line then column. */
    List<Diagnostic> sorted() {
        List<Diagnostic> all = new ArrayList<>(found);
        all.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return List.copyOf(all);
    }
}
