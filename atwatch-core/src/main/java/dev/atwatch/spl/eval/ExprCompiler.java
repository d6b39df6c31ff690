package dev.atwatch.spl.eval;

import dev.atwatch.spl.ast.BinaryOp;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.func.Evaluator;
import dev.atwatch.spl.func.FunctionLibrary;
import dev.atwatch.spl.func.FunctionSpec;
import dev.atwatch.spl.func.Values;
import dev.atwatch.spl.parse.Parser;
import dev.atwatch.spl.parse.Reporter;
import dev.atwatch.spl.parse.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Compiles eval expressions into {@link Evaluator}s; patterns and searches compile here, once. */
final class ExprCompiler {

    private final SearchCompiler searches;

    ExprCompiler(SearchCompiler searches) {
        this.searches = searches;
    }

    Evaluator compile(Expr expr) {
        if (expr instanceof Expr.Str str) {
            String value = str.value();
            return scope -> value;
        }
        if (expr instanceof Expr.Num num) {
            Double value = num.value();
            return scope -> value;
        }
        if (expr instanceof Expr.Field field) {
            String name = field.name();
            Span where = field.span();
            return scope -> scope.field(name, where);
        }
        if (expr instanceof Expr.Negate negate) {
            Evaluator operand = compile(negate.operand());
            return scope -> {
                Object value = operand.eval(scope);
                Double number = value instanceof Boolean ? null : Values.number(value);
                return number == null ? null : -number;
            };
        }
        if (expr instanceof Expr.Not not) {
            Evaluator operand = compile(not.operand());
            return scope -> operand.eval(scope) instanceof Boolean b ? !b : null;
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary);
        }
        return call((Expr.Call) expr);
    }

    private Evaluator binary(Expr.Binary binary) {
        Evaluator left = compile(binary.left());
        Evaluator right = compile(binary.right());
        BinaryOp op = binary.op();
        if (op == BinaryOp.LIKE) {
            return FunctionLibrary.like(left, right, binary.right());
        }
        if (op == BinaryOp.AND) {
            return scope -> {
                Object a = left.eval(scope);
                return Boolean.FALSE.equals(a)
                        ? Boolean.FALSE
                        : Operators.apply(op, a, right.eval(scope));
            };
        }
        if (op == BinaryOp.OR) {
            return scope -> {
                Object a = left.eval(scope);
                return Values.isTrue(a) ? Boolean.TRUE : Operators.apply(op, a, right.eval(scope));
            };
        }
        return scope -> Operators.apply(op, left.eval(scope), right.eval(scope));
    }

    private Evaluator call(Expr.Call call) {
        FunctionSpec spec = FunctionLibrary.find(call.name()).orElse(null);
        if (spec == null || !spec.accepts(call.args().size())) {
            // rejected by the checks before a query runs; NULL keeps a stray call harmless
            return scope -> null;
        }
        if (spec.name().equals("searchmatch")) {
            return searchmatch(call.args().get(0));
        }
        List<Evaluator> args = new ArrayList<>();
        for (Expr arg : call.args()) {
            args.add(compile(arg));
        }
        return spec.factory().create(List.copyOf(args), call.args());
    }

    /** {@code searchmatch("search")}: the search applied to the current result. */
    private Evaluator searchmatch(Expr arg) {
        if (!(arg instanceof Expr.Str text)) {
            return scope -> null;
        }
        Reporter ignored = new Reporter(SourceText.plain(text.value()));
        SearchNode node = Parser.parseSearch(text.value(), ignored, 0);
        SearchPredicate predicate = searches.compile(node);
        // the search's own spans point into the string, so aliases it uses are placed on the call
        Span where = text.span();
        return scope ->
                predicate.test(
                        scope.fields(),
                        scope instanceof MatchScope m
                                ? MatchScope.placed(m, where)
                                : MatchScope.OFF);
    }
}
