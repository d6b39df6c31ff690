package dev.atwatch.cli;

import dev.atwatch.event.FieldValue;
import dev.atwatch.spl.ast.BinaryOp;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.SearchNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SPL text of search and eval syntax trees, for explanations: written back from the tree (not cut
 * out of the query text), so it reads the same after macro expansion. Quoted values are escaped
 * again, so {@code Image="*\\at.exe"} prints as it was written.
 */
final class ExplainSyntax {

    private ExplainSyntax() {}

    static String search(SearchNode node) {
        if (node instanceof SearchNode.And and) {
            return and.children().stream()
                    .map(ExplainSyntax::grouped)
                    .collect(Collectors.joining(" "));
        }
        if (node instanceof SearchNode.Or or) {
            return or.children().stream()
                    .map(ExplainSyntax::grouped)
                    .collect(Collectors.joining(" OR "));
        }
        if (node instanceof SearchNode.Not not) {
            return "NOT " + grouped(not.child());
        }
        if (node instanceof SearchNode.Term term) {
            return term.quoted() ? quoted(term.value()) : term.value();
        }
        if (node instanceof SearchNode.Compare compare) {
            return compare.field() + compare.op().symbol() + value(compare.value());
        }
        return "*";
    }

    private static String grouped(SearchNode node) {
        boolean compound =
                (node instanceof SearchNode.And a && a.children().size() > 1)
                        || (node instanceof SearchNode.Or o && o.children().size() > 1);
        return compound ? "(" + search(node) + ")" : search(node);
    }

    static String expr(Expr expr) {
        if (expr instanceof Expr.Str str) {
            return quoted(str.value());
        }
        if (expr instanceof Expr.Num num) {
            return FieldValue.formatNumber(num.value());
        }
        if (expr instanceof Expr.Field field) {
            return field.name();
        }
        if (expr instanceof Expr.Negate negate) {
            return "-" + operand(negate.operand(), 6);
        }
        if (expr instanceof Expr.Not not) {
            return "NOT " + operand(not.operand(), 6);
        }
        if (expr instanceof Expr.Binary binary) {
            int rank = rank(binary.op());
            String op =
                    binary.op().isBoolean() && rank == 3
                            ? binary.op().symbol()
                            : " " + binary.op().symbol() + " ";
            return operand(binary.left(), rank) + op + operand(binary.right(), rank + 1);
        }
        Expr.Call call = (Expr.Call) expr;
        return call.name()
                + call.args().stream()
                        .map(ExplainSyntax::expr)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** An operand, in parentheses when its operator binds less than {@code least}. */
    private static String operand(Expr expr, int least) {
        return expr instanceof Expr.Binary binary && rank(binary.op()) < least
                ? "(" + expr(expr) + ")"
                : expr(expr);
    }

    /** How tightly an operator binds, loosest first, as SPL's eval parses them. */
    private static int rank(BinaryOp op) {
        return switch (op) {
            case OR, XOR -> 1;
            case AND -> 2;
            case EQ, NE, LT, GT, LE, GE, LIKE -> 3;
            case CONCAT, ADD, SUB -> 4;
            case MUL, DIV, MOD -> 5;
        };
    }

    /** Every call of the function {@code name} inside {@code expr}, outermost first. */
    static List<Expr.Call> calls(Expr expr, String name) {
        List<Expr.Call> found = new ArrayList<>();
        walk(
                expr,
                e -> {
                    if (e instanceof Expr.Call call && call.name().equalsIgnoreCase(name)) {
                        found.add(call);
                    }
                });
        return found;
    }

    /** The fields {@code expr} reads, in order of first use. */
    static Set<String> fieldsRead(Expr expr) {
        Set<String> names = new LinkedHashSet<>();
        walk(
                expr,
                e -> {
                    if (e instanceof Expr.Field field) {
                        names.add(field.name());
                    }
                });
        return names;
    }

    private static void walk(Expr expr, java.util.function.Consumer<Expr> visit) {
        visit.accept(expr);
        if (expr instanceof Expr.Negate negate) {
            walk(negate.operand(), visit);
        } else if (expr instanceof Expr.Not not) {
            walk(not.operand(), visit);
        } else if (expr instanceof Expr.Binary binary) {
            walk(binary.left(), visit);
            walk(binary.right(), visit);
        } else if (expr instanceof Expr.Call call) {
            call.args().forEach(arg -> walk(arg, visit));
        }
    }

    /** A search value, quoted only when SPL would need it. */
    private static String value(String value) {
        return value.isEmpty() || value.matches(".*[\\s\"'()=!<>|\\\\].*") ? quoted(value) : value;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
