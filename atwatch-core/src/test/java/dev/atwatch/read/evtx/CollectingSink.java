package dev.atwatch.read.evtx;

import dev.atwatch.event.Event;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader delivers, and checks it is delivered on the reading thread. */
final class CollectingSink implements RecordSink {

    final List<Event> events = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    /** The byte offset of everything delivered, events and reports alike, in delivery order. */
    final List<Long> offsets = new ArrayList<>();

    final Thread owner = Thread.currentThread();
    long progress;
    boolean foreignThread;

    @Override
    public void event(Event event) {
        foreignThread |= Thread.currentThread() != owner;
        events.add(event);
        offsets.add(event.provenance().offset());
    }

    @Override
    public void rejected(Rejected rejection) {
        foreignThread |= Thread.currentThread() != owner;
        rejected.add(rejection);
        offsets.add(rejection.where().offset());
    }

    @Override
    public void warning(Warning warning) {
        foreignThread |= Thread.currentThread() != owner;
        warnings.add(warning);
        offsets.add(warning.where().offset());
    }

    @Override
    public void progress(long bytes) {
        progress += bytes;
    }
}
