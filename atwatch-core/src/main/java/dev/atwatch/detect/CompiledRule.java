package dev.atwatch.detect;

import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.Query;
import java.util.List;

/**
 * A rule with its compiled search, or with the diagnostics that kept it from compiling.
 *
 * @param query the compiled search, or {@code null} when the search has errors
 */
public record CompiledRule(Rule rule, Query query, List<Diagnostic> diagnostics) {

    public boolean ok() {
        return query != null;
    }
}
