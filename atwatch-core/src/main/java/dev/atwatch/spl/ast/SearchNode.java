package dev.atwatch.spl.ast;

import java.util.List;

/** A node of a search expression: the argument of {@code search} or the query's start. */
public sealed interface SearchNode {

    Span span();

    /** All children must match (implicit or explicit {@code AND}). */
    record And(List<SearchNode> children, Span span) implements SearchNode {
        public And {
            children = List.copyOf(children);
        }
    }

    /** Any child must match. */
    record Or(List<SearchNode> children, Span span) implements SearchNode {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** The child must not match. */
    record Not(SearchNode child, Span span) implements SearchNode {}

    /** A bare term, matched against {@code _raw}; {@code value} is unescaped. */
    record Term(String value, boolean quoted, Span span) implements SearchNode {}

    /** {@code field OP value}; {@code value} is unescaped. */
    record Compare(String field, CompareOp op, String value, Span span) implements SearchNode {}

    /** An empty search: everything matches. */
    record MatchAll(Span span) implements SearchNode {}
}
