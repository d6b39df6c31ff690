package dev.atwatch.spl.eval;

import dev.atwatch.event.Fields;

/** A compiled search expression. Implementations are immutable and thread-safe. */
public interface SearchPredicate {

    /** Whether {@code fields} match; aliases are consulted only when {@code scope} allows. */
    boolean test(Fields fields, MatchScope scope);
}
