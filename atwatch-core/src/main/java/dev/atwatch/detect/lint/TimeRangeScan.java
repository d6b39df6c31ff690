package dev.atwatch.detect.lint;

import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.CompareOp;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.ast.Span;
import java.util.List;
import java.util.Optional;

/**
 * Finds whether a query bounds its own time range. Without a bound, Splunk searches the range of
 * the time picker, or All time where there is none (a saved search without dispatch times, the REST
 * API), and atwatch every event unless {@code --earliest}/{@code --latest} are given.
 */
final class TimeRangeScan {

    private TimeRangeScan() {}

    /**
     * Where to report a missing time range: the first term of the query's first command; empty when
     * some search term or {@code where} condition compares {@code _time} with an ordering operator.
     * The caller handles {@code earliest=}/{@code latest=} terms, which the compiler refuses.
     */
    static Optional<Span> unbounded(List<Command> commands) {
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        for (Command command : commands) {
            if (command instanceof Command.Search search && bounds(search.node())) {
                return Optional.empty();
            }
            if (command instanceof Command.Where where && bounds(where.condition())) {
                return Optional.empty();
            }
        }
        Command first = commands.get(0);
        if (first instanceof Command.Search search) {
            return Optional.of(firstTerm(search.node()));
        }
        return Optional.of(first.span());
    }

    private static boolean bounds(SearchNode node) {
        if (node instanceof SearchNode.And and) {
            return and.children().stream().anyMatch(TimeRangeScan::bounds);
        }
        if (node instanceof SearchNode.Or or) {
            return or.children().stream().allMatch(TimeRangeScan::bounds);
        }
        return node instanceof SearchNode.Compare compare
                && compare.field().equals("_time")
                && compare.op() != CompareOp.EQ
                && compare.op() != CompareOp.NE;
    }

    /** Whether {@code expr}, as a where condition, holds only for a range of {@code _time}. */
    private static boolean bounds(Expr expr) {
        if (!(expr instanceof Expr.Binary binary)) {
            return false;
        }
        return switch (binary.op()) {
            case AND -> bounds(binary.left()) || bounds(binary.right());
            case OR -> bounds(binary.left()) && bounds(binary.right());
            case LT, GT, LE, GE -> isTime(binary.left()) || isTime(binary.right());
            default -> false;
        };
    }

    private static boolean isTime(Expr expr) {
        return expr instanceof Expr.Field field && field.name().equals("_time");
    }

    private static Span firstTerm(SearchNode node) {
        SearchNode at = node;
        while (true) {
            if (at instanceof SearchNode.And and && !and.children().isEmpty()) {
                at = and.children().get(0);
            } else if (at instanceof SearchNode.Or or && !or.children().isEmpty()) {
                at = or.children().get(0);
            } else if (at instanceof SearchNode.Not not) {
                at = not.child();
            } else {
                return at.span();
            }
        }
    }
}
