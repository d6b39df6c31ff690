package dev.atwatch.spl.func;

import dev.atwatch.event.Fields;
import dev.atwatch.spl.ast.Span;

/** What an expression can see while it is evaluated for one result. */
public interface Scope {

    /** The value of field {@code name} as an expression value, or {@code null} when absent. */
    Object field(String name);

    /**
     * The value of field {@code name} read at {@code where} of the query text; a scope that records
     * where aliases supplied values overrides it.
     */
    default Object field(String name, Span where) {
        return field(name);
    }

    /** The fields of the current result. */
    Fields fields();

    /** The time {@code now()} returns, in epoch seconds. */
    double now();
}
