package dev.atwatch.spl;

import java.util.List;
import java.util.Optional;

/**
 * What compiling a query gave: the query when it could be built, and every diagnostic found.
 *
 * @param query the compiled query; absent when the text had errors that prevent running it
 * @param diagnostics errors and warnings, in the order of their position in the text
 */
public record CompileResult(Optional<Query> query, List<Diagnostic> diagnostics) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the query is present and no diagnostic is an {@link Severity#ERROR}. */
    public boolean ok() {
        return query.isPresent() && errors().isEmpty();
    }

    /** The diagnostics of severity {@link Severity#ERROR}. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    /** The diagnostics of severity {@link Severity#WARNING}. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }
}
