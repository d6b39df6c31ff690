package dev.atwatch.spl;

import dev.atwatch.event.Event;

/** One run of a query over a stream of events; single-threaded. */
public interface Execution {

    /** Runs {@code event} through the streaming part of the pipeline. */
    void accept(Event event);

    /**
     * False once no further event can change the results, for example when {@code head N} has its N
     * rows.
     */
    boolean wantsMore();

    /** Runs the end-of-stream commands (sort, stats, tail, ...) and returns the results. */
    Results finish();
}
