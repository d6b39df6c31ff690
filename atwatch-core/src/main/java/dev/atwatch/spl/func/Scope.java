package dev.atwatch.spl.func;

import dev.atwatch.event.Fields;

/** What an expression can see while it is evaluated for one result. */
public interface Scope {

    /** The value of field {@code name} as an expression value, or {@code null} when absent. */
    Object field(String name);

    /** The fields of the current result. */
    Fields fields();

    /** The time {@code now()} returns, in epoch seconds. */
    double now();
}
