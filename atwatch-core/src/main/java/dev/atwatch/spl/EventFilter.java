package dev.atwatch.spl;

import dev.atwatch.event.Event;

/** A thread-safe test of one event against a query's first search. */
public interface EventFilter {

    /** Whether the first search of the query keeps {@code event}. */
    boolean test(Event event);
}
