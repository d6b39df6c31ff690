package dev.atwatch.correlate;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Holds candidates until every input has passed their time, then gives them out in time order (ties
 * broken by input and record, so the order never depends on reading threads). At most {@link
 * ChainLimits#candidates()} are held: beyond it the oldest is given out at once, and a candidate
 * that then comes with an earlier time is given out in its place, out of order. Not thread-safe:
 * the {@link Correlator} calls it under its lock.
 */
final class ReorderBuffer {

    /** A candidate and the time it is linked at (its own, unless it came too late). */
    record Entry(double key, Candidate candidate) {
        static final Comparator<Entry> ORDER =
                Comparator.comparingDouble(Entry::key)
                        .thenComparing(Entry::candidate, Candidate.ORDER);
    }

    private final int capacity;
    private final PriorityQueue<Entry> entries = new PriorityQueue<>(Entry.ORDER);
    private double floor = Double.NEGATIVE_INFINITY;
    private long forcedOut;
    private long behindForced;
    private int peak;

    ReorderBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Holds {@code candidate} until {@link #release}; gives out the oldest beyond the capacity. */
    void add(double key, Candidate candidate, Consumer<Entry> out) {
        double at = key;
        if (at < floor) {
            at = floor;
            behindForced++;
        }
        entries.add(new Entry(at, candidate));
        while (entries.size() > capacity) {
            Entry oldest = entries.poll();
            floor = oldest.key();
            forcedOut++;
            out.accept(oldest);
        }
        peak = Math.max(peak, entries.size());
    }

    /** Gives out, in order, every entry linked before {@code watermark}. */
    void release(double watermark, Consumer<Entry> out) {
        while (!entries.isEmpty() && entries.peek().key() < watermark) {
            out.accept(entries.poll());
        }
    }

    /** Entries given out early because the buffer was full. */
    long forcedOut() {
        return forcedOut;
    }

    /** Entries that came with a time before one given out early, and were given out late. */
    long behindForced() {
        return behindForced;
    }

    /** The most entries held at once. */
    int peak() {
        return peak;
    }
}
