package dev.atwatch.read.evtx;

import dev.atwatch.event.Event;
import dev.atwatch.read.Rejected;
import java.util.ArrayList;
import java.util.List;

/**
 * What decoding one chunk produced: events and rejections in file order, ready for delivery on the
 * reading thread, and how many records the filter skipped.
 */
final class ChunkResult {

    private final int length;
    private final List<Object> items = new ArrayList<>();
    private int filtered;

    ChunkResult(int length) {
        this.length = length;
    }

    /** How many bytes of the input the chunk covers. */
    int length() {
        return length;
    }

    /** The {@link Event}s and {@link Rejected}s, in file order. */
    List<Object> items() {
        return items;
    }

    int filtered() {
        return filtered;
    }

    void add(Event event) {
        items.add(event);
    }

    void add(Rejected rejected) {
        items.add(rejected);
    }

    void countFiltered() {
        filtered++;
    }
}
