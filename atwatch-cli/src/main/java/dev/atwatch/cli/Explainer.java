package dev.atwatch.cli;

import dev.atwatch.detect.Alert;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.output.html.Explanation;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Semantics;
import dev.atwatch.spl.ast.Assignment;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.eval.MatchScope;
import dev.atwatch.spl.eval.SearchCompiler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Works out why a rule reported an alert, from the rule's own SPL: which alternatives of its first
 * search the event matched (each alternative is tested again on the event, with the run's semantics
 * and aliases), and for each score factor that is 1 ({@code Is*} fields of the row), which pattern
 * of a {@code match(lower(F), "regex")} matched which part of which field. A factor that is not a
 * {@code match} is shown as its expression with the values of the fields it reads.
 *
 * <p>A factor's fields are read as its eval saw them: the pipeline before it is replayed on the
 * event ({@link EvalReplay}), so fields computed by an earlier eval and dropped by {@code table}
 * show their values. Without the event, or after a {@code stats}, the row and then the event are
 * read instead.
 */
final class Explainer {

    /** Longest matched text or field value quoted in an explanation. */
    static final int QUOTE_CHARS = 200;

    private final SearchCompiler searches;
    private final MatchScope scope;
    private final FieldAliases aliases;
    private final EvalReplay replay;

    Explainer(ExecutionOptions options) {
        this.aliases = options.activeAliases();
        this.searches = new SearchCompiler(aliases);
        this.scope = options.semantics() == Semantics.PORTABLE ? MatchScope.SILENT : MatchScope.OFF;
        this.replay = new EvalReplay(options);
    }

    /**
     * Explains {@code alert} of {@code query}; {@code event} is the event the row came from, or
     * {@code null} when it was not kept (then no branch is named and factors read the row alone).
     */
    Explanation explain(Query query, Alert alert, Event event) {
        List<String> branches = new ArrayList<>();
        if (event != null) {
            query.pipeline()
                    .firstSearch()
                    .ifPresent(search -> branches(search.node(), event, branches));
        }
        List<Explanation.Factor> factors = new ArrayList<>();
        List<Command> commands = query.pipeline().commands();
        for (int i = 0; i < commands.size(); i++) {
            if (!(commands.get(i) instanceof Command.Eval eval)) {
                continue;
            }
            for (int k = 0; k < eval.assignments().size(); k++) {
                Assignment assignment = eval.assignments().get(k);
                if (fired(assignment.field(), alert)) {
                    Fields seen = seen(query, i, k, alert, event);
                    factors.add(factor(assignment, seen));
                }
            }
        }
        return new Explanation(branches, dedupe(factors));
    }

    /** The fields assignment {@code k} of the eval at {@code command} read for this alert. */
    private Fields seen(Query query, int command, int k, Alert alert, Event event) {
        Fields row = new RowThenEvent(alert, event);
        if (event == null) {
            return row;
        }
        return replay.before(query.pipeline(), command, k, event).orElse(row);
    }

    /** The row's fields, else the event's: what is known without replaying the pipeline. */
    private record RowThenEvent(Alert alert, Event event) implements Fields {

        @Override
        public FieldValue get(String name) {
            FieldValue value = alert.fields().get(name);
            return value == null && event != null ? event.get(name) : value;
        }

        @Override
        public Iterable<String> names() {
            return alert.fields().keySet();
        }
    }

    /** Records, for every OR on a matching path, the alternatives that match. */
    private void branches(SearchNode node, Fields event, List<String> out) {
        if (node instanceof SearchNode.And and) {
            and.children().forEach(child -> branches(child, event, out));
        } else if (node instanceof SearchNode.Or or) {
            for (SearchNode child : or.children()) {
                if (searches.compile(child).test(event, scope)) {
                    out.add(ExplainSyntax.search(child));
                    branches(child, event, out);
                }
            }
        }
    }

    private static boolean fired(String field, Alert alert) {
        if (!field.startsWith("Is")) {
            return false;
        }
        FieldValue value = alert.fields().get(field);
        return value != null && "1".equals(value.asString());
    }

    /** A later eval of the same factor replaces an earlier one, as in the pipeline. */
    private static List<Explanation.Factor> dedupe(List<Explanation.Factor> factors) {
        List<Explanation.Factor> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = factors.size() - 1; i >= 0; i--) {
            if (seen.add(factors.get(i).name())) {
                kept.add(0, factors.get(i));
            }
        }
        return kept;
    }

    private Explanation.Factor factor(Assignment assignment, Fields seen) {
        String expression = ExplainSyntax.expr(assignment.value());
        for (Expr.Call match : ExplainSyntax.calls(assignment.value(), "match")) {
            Explanation.Factor found = matchEvidence(assignment.field(), expression, match, seen);
            if (found != null) {
                return found;
            }
        }
        List<String> inputs = new ArrayList<>();
        for (String name : ExplainSyntax.fieldsRead(assignment.value())) {
            String value = value(name, seen);
            inputs.add(name + "=" + (value == null ? "(absent)" : quote(value)));
        }
        return new Explanation.Factor(assignment.field(), expression, null, null, null, -1, inputs);
    }

    /** The evidence of {@code match(F, "re")} or {@code match(lower(F), "re")}, or null. */
    private Explanation.Factor matchEvidence(
            String name, String expression, Expr.Call match, Fields seen) {
        if (match.args().size() != 2 || !(match.args().get(1) instanceof Expr.Str regex)) {
            return null;
        }
        Expr subject = match.args().get(0);
        boolean lower = false;
        if (subject instanceof Expr.Call call
                && call.name().equalsIgnoreCase("lower")
                && call.args().size() == 1) {
            subject = call.args().get(0);
            lower = true;
        }
        if (!(subject instanceof Expr.Field field)) {
            return null;
        }
        String value = value(field.name(), seen);
        if (value == null) {
            return null;
        }
        String text = lower ? value.toLowerCase(Locale.ROOT) : value;
        Matcher matcher;
        try {
            matcher = Pattern.compile(regex.value()).matcher(text);
        } catch (PatternSyntaxException e) {
            return null;
        }
        if (!matcher.find()) {
            return null;
        }
        // lower() keeps the length of almost all text; quote the original casing when it does
        String shown = text.length() == value.length() ? value : text;
        String matched = quote(shown.substring(matcher.start(), matcher.end()));
        return new Explanation.Factor(
                name, expression, field.name(), regex.value(), matched, matcher.start(), List.of());
    }

    /** The value of {@code name} in {@code seen}, else of an alias as eval reads it, else null. */
    private String value(String name, Fields seen) {
        FieldValue value = seen.get(name);
        for (FieldAliases.Alias alias : aliases.aliasesOf(name)) {
            if (value != null) {
                break;
            }
            value = alias.read(seen);
        }
        return value == null ? null : value.asString();
    }

    private static String quote(String text) {
        return text.length() <= QUOTE_CHARS ? text : text.substring(0, QUOTE_CHARS) + "\u2026";
    }
}
