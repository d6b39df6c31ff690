package dev.atwatch.spl.eval;

import java.util.List;

/**
 * One command of a running pipeline. Streaming stages pass results on as they come; blocking stages
 * (sort, stats, tail) keep them until {@link #finish}.
 */
abstract class Stage {

    private Stage next;

    final void connect(Stage downstream) {
        this.next = downstream;
    }

    final Stage next() {
        return next;
    }

    /** Takes one result. */
    abstract void push(Record record);

    /** The input has ended: release kept results, then finish downstream. */
    void finish(List<String> notes) {
        next.finish(notes);
    }

    /** True when this stage will pass on no more results. */
    boolean done() {
        return false;
    }

    /**
     * The column order after this stage, given the order before it; {@code null} means not fixed
     * (every field in first-seen order).
     */
    List<String> columns(List<String> before) {
        return before;
    }
}
