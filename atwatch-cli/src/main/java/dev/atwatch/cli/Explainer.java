package dev.atwatch.cli;

import dev.atwatch.detect.Alert;
import dev.atwatch.event.Event;
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
 */
final class Explainer {

    /** Longest matched text or field value quoted in an explanation. */
    static final int QUOTE_CHARS = 200;

    private final SearchCompiler searches;
    private final MatchScope scope;

    Explainer(ExecutionOptions options) {
        this.searches = new SearchCompiler(options.activeAliases());
        this.scope = options.semantics() == Semantics.PORTABLE ? MatchScope.SILENT : MatchScope.OFF;
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
        for (Command command : query.pipeline().commands()) {
            if (command instanceof Command.Eval eval) {
                for (Assignment assignment : eval.assignments()) {
                    if (fired(assignment.field(), alert)) {
                        factors.add(factor(assignment, alert, event));
                    }
                }
            }
        }
        return new Explanation(branches, dedupe(factors));
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

    private Explanation.Factor factor(Assignment assignment, Alert alert, Event event) {
        String expression = ExplainSyntax.expr(assignment.value());
        for (Expr.Call match : ExplainSyntax.calls(assignment.value(), "match")) {
            Explanation.Factor found =
                    matchEvidence(assignment.field(), expression, match, alert, event);
            if (found != null) {
                return found;
            }
        }
        List<String> inputs = new ArrayList<>();
        for (String name : ExplainSyntax.fieldsRead(assignment.value())) {
            String value = value(name, alert, event);
            inputs.add(name + "=" + (value == null ? "(absent)" : quote(value)));
        }
        return new Explanation.Factor(assignment.field(), expression, null, null, null, -1, inputs);
    }

    /** The evidence of {@code match(F, "re")} or {@code match(lower(F), "re")}, or null. */
    private static Explanation.Factor matchEvidence(
            String name, String expression, Expr.Call match, Alert alert, Event event) {
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
        String value = value(field.name(), alert, event);
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

    /** The row's value of {@code name}, else the event's, else null. */
    private static String value(String name, Alert alert, Event event) {
        FieldValue value = alert.fields().get(name);
        if (value == null && event != null) {
            value = event.get(name);
        }
        return value == null ? null : value.asString();
    }

    private static String quote(String text) {
        return text.length() <= QUOTE_CHARS ? text : text.substring(0, QUOTE_CHARS) + "\u2026";
    }
}
