package dev.atwatch.spl.check;

import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.ast.BinaryOp;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.Pipeline;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.func.FunctionLibrary;
import dev.atwatch.spl.func.FunctionSpec;
import dev.atwatch.spl.parse.Parser;
import dev.atwatch.spl.parse.Reporter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a parsed pipeline: functions exist and get the right number of arguments, literal regular
 * expressions compile, booleans are not stored in fields and where gets a condition; and warns
 * where a query depends on behaviour Splunk does not document.
 */
public final class Checker {

    /** What an expression yields, as far as can be told before running it. */
    enum Type {
        BOOLEAN,
        VALUE,
        UNKNOWN
    }

    /** Splunk's time modifiers: here the range comes from the command line, never the query. */
    private static final java.util.Set<String> TIME_MODIFIERS =
            java.util.Set.of("earliest", "latest", "_index_earliest", "_index_latest");

    private final Reporter reporter;

    private Checker(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Reports every problem of {@code pipeline} to {@code reporter}. */
    public static void check(Pipeline pipeline, Reporter reporter) {
        Checker checker = new Checker(reporter);
        for (Command command : pipeline.commands()) {
            checker.command(command);
        }
    }

    private void command(Command command) {
        if (command instanceof Command.Search search) {
            search(search.node());
        } else if (command instanceof Command.Eval eval) {
            eval.assignments()
                    .forEach(
                            a -> {
                                expression(a.value());
                                if (type(a.value()) == Type.BOOLEAN) {
                                    reporter.report(
                                            DiagnosticCode.TYPE_MISMATCH,
                                            a.span(),
                                            "eval cannot store a boolean in '"
                                                    + a.field()
                                                    + "'; wrap it in if(condition, value, value)",
                                            "a value",
                                            "a boolean");
                                }
                            });
        } else if (command instanceof Command.Where where) {
            condition(where.condition(), "where");
            if (type(where.condition()) == Type.VALUE) {
                reporter.report(
                        DiagnosticCode.TYPE_MISMATCH,
                        where.condition().span(),
                        "where needs a condition",
                        "a boolean",
                        "a value");
            }
        }
    }

    private void search(SearchNode node) {
        if (node instanceof SearchNode.Compare compare
                && TIME_MODIFIERS.contains(compare.field())) {
            reporter.report(
                    DiagnosticCode.BAD_ARGUMENT,
                    compare.span(),
                    "'"
                            + compare.field()
                            + "' in the query text is not supported;"
                            + " give the time range with --earliest and --latest",
                    "a field comparison",
                    "'" + compare.field() + "=" + shorten(compare.value()) + "'");
        } else if (node instanceof SearchNode.Term term) {
            reporter.report(
                    DiagnosticCode.BARE_TERM_SUBSTRING,
                    term.span(),
                    "bare term '"
                            + shorten(term.value())
                            + "' is matched as a substring of _raw;"
                            + " Splunk matches indexed terms (chosen behaviour)");
        } else if (node instanceof SearchNode.And and) {
            and.children().forEach(this::search);
        } else if (node instanceof SearchNode.Or or) {
            or.children().forEach(this::search);
        } else if (node instanceof SearchNode.Not not) {
            search(not.child());
        }
    }

    private void condition(Expr condition, String where) {
        expression(condition);
        if (readsFieldUnguarded(condition)) {
            reporter.report(
                    DiagnosticCode.NULL_CONDITION,
                    condition.span(),
                    "the "
                            + where
                            + " condition is NULL when a field it reads is absent,"
                            + " and NULL counts as not TRUE (chosen behaviour)");
        }
    }

    private void expression(Expr expr) {
        if (expr instanceof Expr.Binary binary) {
            expression(binary.left());
            expression(binary.right());
            if (binary.op() == BinaryOp.LIKE) {
                likePattern(binary.right());
            }
        } else if (expr instanceof Expr.Negate negate) {
            expression(negate.operand());
        } else if (expr instanceof Expr.Not not) {
            expression(not.operand());
        } else if (expr instanceof Expr.Call call) {
            call(call);
        }
    }

    private void call(Expr.Call call) {
        FunctionSpec spec = FunctionLibrary.find(call.name()).orElse(null);
        if (spec == null) {
            unknownFunction(call);
            call.args().forEach(this::expression);
            return;
        }
        if (!spec.accepts(call.args().size())) {
            reporter.report(
                    DiagnosticCode.WRONG_ARITY,
                    call.nameSpan(),
                    call.name() + "() takes " + spec.arity() + ", not " + call.args().size(),
                    spec.arity(),
                    call.args().size() + " argument(s)");
        }
        List<Expr> args = call.args();
        switch (call.name()) {
            case "if" -> conditionArg(args, 0, "if");
            case "case" -> {
                for (int i = 0; i < args.size(); i += 2) {
                    conditionArg(args, i, "case");
                }
            }
            case "match", "replace" -> regex(args);
            case "like" -> likePattern(args.size() > 1 ? args.get(1) : null);
            case "searchmatch" -> searchmatch(args);
            default -> {}
        }
        for (int i = 0; i < args.size(); i++) {
            if (!(call.name().equals("if") && i == 0)
                    && !(call.name().equals("case") && i % 2 == 0)) {
                expression(args.get(i));
            }
        }
    }

    private void conditionArg(List<Expr> args, int index, String function) {
        if (index < args.size()) {
            condition(args.get(index), function + "()");
        }
    }

    private void unknownFunction(Expr.Call call) {
        String suggestion = nearest(call.name());
        String message =
                "unknown function '"
                        + call.name()
                        + "'"
                        + (suggestion != null ? "; did you mean " + suggestion + "()?" : "");
        reporter.report(
                DiagnosticCode.UNKNOWN_FUNCTION,
                call.nameSpan(),
                message,
                suggestion != null ? "'" + suggestion + "'" : "a supported function",
                "'" + call.name() + "'");
    }

    /** The closest known name: same ignoring case, or at most two edits away. */
    private static String nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String known : FunctionLibrary.all().keySet()) {
            int distance =
                    known.equals(name.toLowerCase(Locale.ROOT))
                            ? 0
                            : Suggestions.distance(known, name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    private void regex(List<Expr> args) {
        if (args.size() > 1 && args.get(1) instanceof Expr.Str pattern) {
            try {
                Pattern.compile(pattern.value());
            } catch (PatternSyntaxException e) {
                reporter.report(
                        DiagnosticCode.BAD_REGEX,
                        pattern.span(),
                        "invalid regular expression: " + e.getDescription(),
                        "a valid regular expression",
                        "'" + shorten(pattern.value()) + "'");
            }
        }
    }

    private void likePattern(Expr pattern) {
        if (pattern instanceof Expr.Str text && text.value().indexOf('\\') >= 0) {
            reporter.report(
                    DiagnosticCode.LIKE_BACKSLASH,
                    pattern.span(),
                    "a backslash in a LIKE pattern is taken literally;"
                            + " Splunk does not document LIKE escapes (chosen behaviour)");
        }
    }

    private void searchmatch(List<Expr> args) {
        if (args.isEmpty()) {
            return;
        }
        if (args.get(0) instanceof Expr.Str text) {
            Parser.parseSearch(text.value(), reporter, text.span().start() + 1);
        } else {
            reporter.report(
                    DiagnosticCode.BAD_ARGUMENT,
                    args.get(0).span(),
                    "searchmatch takes a quoted search string",
                    "a string literal",
                    null);
        }
    }

    static Type type(Expr expr) {
        if (expr instanceof Expr.Not) {
            return Type.BOOLEAN;
        }
        if (expr instanceof Expr.Binary binary) {
            return binary.op().isBoolean() ? Type.BOOLEAN : Type.VALUE;
        }
        if (expr instanceof Expr.Call call) {
            return callType(call);
        }
        return Type.VALUE;
    }

    private static Type callType(Expr.Call call) {
        FunctionSpec spec = FunctionLibrary.find(call.name()).orElse(null);
        if (spec == null) {
            return Type.UNKNOWN;
        }
        if (spec.returns() != FunctionSpec.Returns.SAME_AS_ARGUMENTS) {
            return spec.returns() == FunctionSpec.Returns.BOOLEAN ? Type.BOOLEAN : Type.VALUE;
        }
        Type result = null;
        List<Expr> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            boolean isResult =
                    call.name().equals("coalesce")
                            || (call.name().equals("if") ? i > 0 : i % 2 == 1);
            if (isResult) {
                Type t = type(args.get(i));
                result = result == null || result == t ? t : Type.UNKNOWN;
            }
        }
        return result == null ? Type.UNKNOWN : result;
    }

    /** Whether {@code expr} reads a field outside isnull/isnotnull/coalesce. */
    static boolean readsFieldUnguarded(Expr expr) {
        if (expr instanceof Expr.Field) {
            return true;
        }
        if (expr instanceof Expr.Binary binary) {
            return readsFieldUnguarded(binary.left()) || readsFieldUnguarded(binary.right());
        }
        if (expr instanceof Expr.Negate negate) {
            return readsFieldUnguarded(negate.operand());
        }
        if (expr instanceof Expr.Not not) {
            return readsFieldUnguarded(not.operand());
        }
        if (expr instanceof Expr.Call call) {
            String name = call.name();
            if (name.equals("isnull") || name.equals("isnotnull") || name.equals("searchmatch")) {
                return false;
            }
            return call.args().stream().anyMatch(Checker::readsFieldUnguarded);
        }
        return false;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
