package dev.atwatch.read.syslog;

import dev.atwatch.event.Event;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader produced, in order. */
public final class CollectingSink implements RecordSink {

    public final List<Event> events = new ArrayList<>();
    public final List<Rejected> rejected = new ArrayList<>();

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void rejected(Rejected rejected) {
        this.rejected.add(rejected);
    }
}
