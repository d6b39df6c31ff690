package dev.atwatch.detect.lint;

import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What linting a query found.
 *
 * @param query the query text as given; findings' lines and columns point into it
 * @param findings lint findings and compiler diagnostics, by line then column
 * @param fixed the rewritten query, absent when the query does not parse
 * @param notes what running the query over data showed (one line each); empty without data
 */
public record LintReport(
        String query, List<Diagnostic> findings, Optional<String> fixed, List<String> notes) {

    public LintReport {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Whether the query does not parse (then only the compiler's findings are given). */
    public boolean hasErrors() {
        return findings.stream()
                .anyMatch(d -> d.severity() == Severity.ERROR && d.code().startsWith("SPL"));
    }

    /** The same report with more findings and notes (from a run over data). */
    public LintReport with(List<Diagnostic> more, List<String> moreNotes) {
        List<Diagnostic> all = new ArrayList<>(findings);
        all.addAll(more);
        all.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(moreNotes);
        return new LintReport(query, all, fixed, allNotes);
    }
}
