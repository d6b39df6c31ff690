package dev.atwatch.read.evtx;

import dev.atwatch.event.Event;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * What decoding one chunk produced: events, rejections and warnings in file order, ready for
 * delivery on the reading thread, and how many records the chunk holds and the filter skipped.
 */
final class ChunkResult {

    private final int length;
    private final int records;
    private final List<Object> items = new ArrayList<>();
    private int filtered;

    /**
     * @param length how many bytes of the input the chunk covers
     * @param records how many records the chunk holds, each delivered as an event, a rejection or
     *     counted as filtered
     */
    ChunkResult(int length, int records) {
        this.length = length;
        this.records = records;
    }

    /** How many bytes of the input the chunk covers. */
    int length() {
        return length;
    }

    int records() {
        return records;
    }

    /** The {@link Event}s, {@link Rejected}s and {@link Warning}s, in file order. */
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

    void add(Warning warning) {
        items.add(warning);
    }

    void countFiltered() {
        filtered++;
    }
}
