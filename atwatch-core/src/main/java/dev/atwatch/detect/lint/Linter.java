package dev.atwatch.detect.lint;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.CompileResult;
import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.Severity;
import dev.atwatch.spl.Spl;
import dev.atwatch.spl.ast.Assignment;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.parse.Parser;
import java.util.List;
import java.util.Optional;

/**
 * Lints an SPL query: reports where it is blind on real Splunk deployments or depends on a
 * behaviour atwatch had to choose, and writes the query rewritten to work on both Windows add-on
 * namings and on classic and XML events.
 *
 * <p>Lines and columns point into the text as given; macros are not expanded, so a query with
 * macros is reported as the compiler reports it.
 */
public final class Linter {

    private final FieldAliases aliases;
    private final Profile profile;

    /**
     * @param aliases the alias table that says which field and sourcetype names are equivalent
     *     (normally {@link FieldAliases#bundled()} or a rule pack's table)
     * @param profile the add-on naming the query is meant to run against: sourcetypes renamed by it
     *     are errors, otherwise warnings
     */
    public Linter(FieldAliases aliases, Profile profile) {
        this.aliases = aliases == null ? FieldAliases.bundled() : aliases;
        this.profile = profile == null ? Profile.TA_WINDOWS_LEGACY : profile;
    }

    /** Lints {@code text}; never throws on any text. */
    public LintReport lint(String text) {
        String query = text == null ? "" : text;
        CompileResult compiled = Spl.compile(query);
        Findings findings = new Findings(query);
        List<Span> timeTerms = timeTerms(query, compiled);
        String scanned = query;
        if (!timeTerms.isEmpty()) {
            // The compiler refuses earliest=/latest=; without them the rest can still be linted
            // and fixed, and the fix leaves them out.
            scanned = blank(query, timeTerms);
            compiled = Spl.compile(scanned);
            for (Span span : timeTerms) {
                findings.add(
                        LintCode.TIME_RANGE_IN_QUERY,
                        Severity.WARNING,
                        span,
                        "'"
                                + query.substring(span.start(), span.end())
                                + "' in the query text is not a time range here: the time range"
                                + " comes from --earliest/--latest");
            }
        }
        findings.addAll(compiled.diagnostics());
        if (!compiled.ok()) {
            return new LintReport(query, findings.sorted(), Optional.empty(), List.of());
        }
        TextEdits edits = new TextEdits(scanned);
        List<Command> commands = compiled.query().get().pipeline().commands();
        scan(scanned, commands, findings, edits);
        if (timeTerms.isEmpty()) {
            TimeRangeScan.unbounded(commands).ifPresent(span -> noTimeRange(span, findings));
        }
        return new LintReport(query, findings.sorted(), Optional.of(edits.apply()), List.of());
    }

    /**
     * The spans of {@code earliest=}/{@code latest=} terms when they are the only errors of the
     * compilation, else none.
     */
    private static List<Span> timeTerms(String query, CompileResult compiled) {
        List<Span> spans = new java.util.ArrayList<>();
        for (Diagnostic d : compiled.diagnostics()) {
            if (d.severity() != Severity.ERROR) {
                continue;
            }
            if (!d.message().contains("--earliest and --latest")) {
                return List.of();
            }
            int start = offset(query, d.line(), d.column());
            spans.add(new Span(start, Math.min(query.length(), start + Math.max(1, d.length()))));
        }
        return spans;
    }

    private static void noTimeRange(Span span, Findings findings) {
        findings.add(
                LintCode.NO_TIME_RANGE,
                Severity.WARNING,
                span,
                "the search sets no time range: Splunk runs it over the time picker's range, or"
                        + " over All time where there is none (a saved search without dispatch"
                        + " times, the REST API); atwatch reads every event unless --earliest or"
                        + " --latest is given");
    }

    private static int offset(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < text.length(); l++) {
            int next = text.indexOf('\n', offset);
            offset = next < 0 ? text.length() : next + 1;
        }
        return Math.min(text.length(), offset + column - 1);
    }

    private static String blank(String text, List<Span> spans) {
        char[] chars = text.toCharArray();
        for (Span span : spans) {
            java.util.Arrays.fill(chars, span.start(), span.end(), ' ');
        }
        return new String(chars);
    }

    private void scan(String text, List<Command> commands, Findings findings, TextEdits edits) {
        FieldNaming naming = new FieldNaming(aliases);
        SearchScan search = new SearchScan(text, naming, profile, findings, edits);
        ExprScan expr = new ExprScan(text, naming, findings, edits);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            if (command instanceof Command.Search s) {
                search.scan(s.node());
            } else if (command instanceof Command.Eval eval) {
                eval(eval, i == 0 ? null : commands.get(i - 1).span(), expr, edits);
            } else if (command instanceof Command.Where where) {
                expr.scan(where.condition(), null);
            } else if (command instanceof Command.Sort sort) {
                sort(text, sort, findings, edits);
            }
        }
    }

    private static void eval(Command.Eval eval, Span previous, ExprScan expr, TextEdits edits) {
        List<Assignment> assignments = eval.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment assignment = assignments.get(i);
            expr.scan(assignment.value(), null);
            expr.assigned(assignment.field());
            if (keepsItself(assignment)) {
                // host=coalesce(host, ...) is host=host once the unreachable part goes
                edits.take(assignment.span());
                dropAssignment(eval, i, previous, edits);
            }
        }
    }

    private static boolean keepsItself(Assignment assignment) {
        return assignment.value() instanceof Expr.Call call
                && call.name().equals("coalesce")
                && call.args().size() > 1
                && call.args().get(0) instanceof Expr.Field first
                && first.name().equals(assignment.field())
                && FieldNaming.ALWAYS_PRESENT.contains(first.name());
    }

    private static void dropAssignment(
            Command.Eval eval, int index, Span previous, TextEdits edits) {
        List<Assignment> all = eval.assignments();
        Span own = all.get(index).span();
        if (all.size() == 1 && previous != null) {
            edits.take(eval.span());
            edits.replace(previous.end(), eval.span().end(), "");
        } else if (index > 0) {
            edits.replace(all.get(index - 1).span().end(), own.end(), "");
        } else if (all.size() > 1) {
            edits.replace(own.start(), all.get(1).span().start(), "");
        }
    }

    private static void sort(String text, Command.Sort sort, Findings findings, TextEdits edits) {
        int keyword = sort.span().start() + "sort".length();
        String rest = text.substring(keyword, sort.span().end()).stripLeading();
        boolean counted = !rest.isEmpty() && Character.isDigit(rest.charAt(0));
        if (counted || rest.startsWith("limit") || sort.limit() != Parser.DEFAULT_SORT_LIMIT) {
            return;
        }
        findings.add(
                LintCode.SORT_DEFAULT_LIMIT,
                Severity.WARNING,
                new Span(sort.span().start(), keyword),
                "sort without a count keeps at most "
                        + Parser.DEFAULT_SORT_LIMIT
                        + " rows and drops the rest; write 'sort 0' to keep every row");
        edits.replace(keyword, keyword, " 0");
    }
}
