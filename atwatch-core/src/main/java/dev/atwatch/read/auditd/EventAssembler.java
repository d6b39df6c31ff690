package dev.atwatch.read.auditd;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.Rejected;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups audit records into events by node, timestamp and serial, even when the records of several
 * events interleave.
 *
 * <p>An event is complete when its {@code EOE} record arrives, when a {@code ----} separator
 * ({@code ausearch} output) is read, at the end of the input, or when it is pushed out of a bounded
 * window: once more than {@code openEvents} events are open the oldest is completed, and an event
 * is completed when a record arrives whose time is more than {@link #WINDOW_SECONDS} away from it.
 * So memory is bounded by {@code openEvents} times the per-event limits, whatever the input.
 *
 * <p>Per event, at most {@link ReadLimits#maxValuesPerField()} records (each adds a value to the
 * multivalue {@code type}) and {@link ReadLimits#maxRecordBytes()} bytes are kept; the records
 * beyond are dropped and reported once per event.
 */
final class EventAssembler {

    /**
     * How far apart in time records of one event may be. The kernel stamps all records of an event
     * with the same time, and auditd flushes an event within a second or two.
     */
    static final double WINDOW_SECONDS = 2.0;

    private final String input;
    private final ReadLimits limits;
    private final int openEvents;
    private final Consumer<List<AuditRecord>> complete;
    private final Consumer<Rejected> rejections;
    private final LinkedHashMap<AuditRecord.EventKey, OpenEvent> open = new LinkedHashMap<>();

    EventAssembler(
            String input,
            ReadLimits limits,
            int openEvents,
            Consumer<List<AuditRecord>> complete,
            Consumer<Rejected> rejections) {
        this.input = input;
        this.limits = limits;
        this.openEvents = openEvents;
        this.complete = complete;
        this.rejections = rejections;
    }

    /** Adds one record, completing its event on {@code EOE} and any event pushed out. */
    void add(AuditRecord record) {
        AuditRecord.EventKey key = record.key();
        OpenEvent event = open.get(key);
        if (event == null) {
            completeStale(record.time());
            event = new OpenEvent();
            open.put(key, event);
        }
        event.add(record);
        if (record.type().equals(AuditRecord.END_OF_EVENT)) {
            open.remove(key);
            finish(event);
        }
    }

    /** Completes every open event, oldest first: at a separator and at the end of the input. */
    void completeAll() {
        Iterator<OpenEvent> events = open.values().iterator();
        while (events.hasNext()) {
            OpenEvent event = events.next();
            events.remove();
            finish(event);
        }
    }

    private void completeStale(double now) {
        Iterator<OpenEvent> events = open.values().iterator();
        while (events.hasNext()) {
            OpenEvent oldest = events.next();
            boolean full = open.size() >= openEvents;
            if (!full && Math.abs(now - oldest.time) <= WINDOW_SECONDS) {
                return;
            }
            events.remove();
            finish(oldest);
        }
    }

    private void finish(OpenEvent event) {
        if (event.dropped > 0) {
            AuditRecord at = event.firstDropped;
            rejections.accept(
                    new Rejected(
                            new Provenance(input, at.line(), at.line(), at.offset()),
                            event.reason(limits),
                            event.dropped
                                    + " record(s) of event "
                                    + at.serial()
                                    + " dropped: "
                                    + event.limitText(limits)));
        }
        complete.accept(event.records);
    }

    /** The records of one event gathered so far. */
    private final class OpenEvent {
        final List<AuditRecord> records = new ArrayList<>(8);
        double time;
        long bytes;
        long dropped;
        AuditRecord firstDropped;

        void add(AuditRecord record) {
            if (records.isEmpty()) {
                time = record.time();
            }
            long size = bytes + record.text().length() + 1;
            if (records.size() >= limits.maxValuesPerField() || size > limits.maxRecordBytes()) {
                if (dropped++ == 0) {
                    firstDropped = record;
                }
                return;
            }
            bytes = size;
            records.add(record);
        }

        String reason(ReadLimits limits) {
            boolean tooMany = records.size() >= limits.maxValuesPerField();
            return "limit." + (tooMany ? ReadLimits.VALUES_PER_FIELD : ReadLimits.RECORD_BYTES);
        }

        String limitText(ReadLimits limits) {
            if (records.size() >= limits.maxValuesPerField()) {
                return "records per event "
                        + ReadLimits.exceeded(
                                ReadLimits.VALUES_PER_FIELD,
                                records.size() + dropped,
                                limits.maxValuesPerField());
            }
            return ReadLimits.exceeded(ReadLimits.RECORD_BYTES, bytes + 1, limits.maxRecordBytes());
        }
    }
}
