package dev.atwatch.read;

import dev.atwatch.event.Event;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything a reader produced, for assertions. */
public final class RecordingSink implements RecordSink {
    public final List<Event> events = new ArrayList<>();
    public final List<Rejected> rejected = new ArrayList<>();
    public final List<Warning> warnings = new ArrayList<>();
    public long progress;
    public long prefiltered;

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void rejected(Rejected rejected) {
        this.rejected.add(rejected);
    }

    @Override
    public void warning(Warning warning) {
        warnings.add(warning);
    }

    @Override
    public void prefiltered(long records) {
        prefiltered += records;
    }

    @Override
    public void progress(long bytes) {
        progress += bytes;
    }

    /** The reason codes of the rejections, in order. */
    public List<String> reasons() {
        return rejected.stream().map(Rejected::reason).toList();
    }
}
