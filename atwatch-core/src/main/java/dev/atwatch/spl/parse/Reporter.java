package dev.atwatch.spl.parse;

import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one compilation, located through a {@link SourceText}. */
public final class Reporter {

    private final SourceText source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public Reporter(SourceText source) {
        this.source = source;
    }

    public SourceText source() {
        return source;
    }

    /** Records a diagnostic with what was expected and what was found. */
    public void report(
            DiagnosticCode code, Span span, String message, String expected, String found) {
        diagnostics.add(source.diagnostic(code, span, message, expected, found));
    }

    /** Records a diagnostic without expected/found. */
    public void report(DiagnosticCode code, Span span, String message) {
        report(code, span, message, null, null);
    }

    /** Adds diagnostics made elsewhere (macro expansion). */
    public void addAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.atwatch.spl.Severity.ERROR);
    }

    /** The diagnostics in text order (stable for equal positions). */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return sorted;
    }
}
