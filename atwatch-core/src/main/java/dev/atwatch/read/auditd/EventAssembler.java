package dev.atwatch.read.auditd;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.Rejected;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Groups audit records into events by node, timestamp and serial, even when the records of several
 * events interleave.
 *
 * <p>An event is complete when its {@code EOE} record arrives, when its first record is of a type
 * the kernel and auditd write as a one-record event ({@link RecordTypes#isSingleRecord}), when a
 * {@code ----} separator ({@code ausearch} output) is read, at the end of the input, or when it is
 * pushed out of a bounded window: once more than {@code openEvents} events are open the oldest is
 * completed, and an event is completed when a record arrives {@link #WINDOW_SECONDS} whole seconds
 * or more after it (a record earlier in time does not end it, as in auparse). So memory is bounded
 * by {@code openEvents} times the per-event limits, whatever the input. In {@code ausearch -i}
 * text, which lists an event's records last to first, {@code EOE} does not end an event.
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
    static final long WINDOW_SECONDS = 2;

    private final String input;
    private final ReadLimits limits;
    private final int openEvents;
    private final Consumer<List<AuditRecord>> complete;
    private final Consumer<Rejected> rejections;
    private final LinkedHashMap<AuditRecord.EventKey, OpenEvent> open = new LinkedHashMap<>();

    /** The earliest whole second of an open event, or more: a scan happens only when needed. */
    private long earliest = Long.MAX_VALUE;

    /**
     * The open event the last record went to: records of one event usually come one after the
     * other, and then need no lookup.
     */
    private OpenEvent last;

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

    /**
     * Adds one record, completing its event on {@code EOE} or when it is a one-record event, and
     * any event pushed out of the window. An {@code EOE} whose event was already completed carries
     * nothing and is dropped. In {@code ausearch -i} text, where records come last to first, {@code
     * EOE} is an ordinary record and the {@code ----} separators end events.
     */
    void add(AuditRecord record) {
        // ausearch prints an event's records last to first, so there EOE is no end: ---- is.
        boolean end = !record.interpreted() && record.type().equals(AuditRecord.END_OF_EVENT);
        OpenEvent event = last != null && last.holds(record) ? last : open.get(record.key());
        if (event == null) {
            completeStale(record.time());
            if (end) {
                return;
            }
            event = new OpenEvent(record.key());
            open.put(event.key, event);
        }
        event.add(record);
        last = event;
        if (end || (event.records.size() == 1 && RecordTypes.isSingleRecord(record.type()))) {
            open.remove(event.key);
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

    /**
     * Completes the events that {@code now} has left behind: as auparse does, an event is over once
     * a record arrives at least {@link #WINDOW_SECONDS} whole seconds after it (records earlier in
     * time do not end it); then, while the window is full, the oldest.
     */
    private void completeStale(double now) {
        long second = (long) Math.floor(now);
        if (second >= earliest + WINDOW_SECONDS) {
            earliest = Long.MAX_VALUE;
            Iterator<OpenEvent> events = open.values().iterator();
            while (events.hasNext()) {
                OpenEvent event = events.next();
                if (second >= event.second + WINDOW_SECONDS) {
                    events.remove();
                    finish(event);
                } else {
                    earliest = Math.min(earliest, event.second);
                }
            }
        }
        if (open.size() >= openEvents) {
            Iterator<OpenEvent> events = open.values().iterator();
            while (open.size() >= openEvents && events.hasNext()) {
                OpenEvent oldest = events.next();
                events.remove();
                finish(oldest);
            }
        }
        earliest = Math.min(earliest, second);
    }

    private void finish(OpenEvent event) {
        if (event == last) {
            last = null;
        }
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
        final AuditRecord.EventKey key;
        final List<AuditRecord> records = new ArrayList<>(8);
        long second;
        long bytes;
        long dropped;
        AuditRecord firstDropped;

        OpenEvent(AuditRecord.EventKey key) {
            this.key = key;
        }

        /** Whether {@code record} belongs to this event, without building its key. */
        boolean holds(AuditRecord record) {
            return key.serial() == record.serial()
                    && key.stamp().equals(record.stamp())
                    && Objects.equals(key.node(), record.node());
        }

        void add(AuditRecord record) {
            if (records.isEmpty()) {
                second = (long) Math.floor(record.time());
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
