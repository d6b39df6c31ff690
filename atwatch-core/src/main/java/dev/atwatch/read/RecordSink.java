package dev.atwatch.read;

import dev.atwatch.event.Event;

/** Receives what a reader produces, in input order, on the caller's thread. */
public interface RecordSink {

    void event(Event event);

    void rejected(Rejected rejected);

    /**
     * Reports damage the reader read past without losing a record (a failed checksum, a broken file
     * header), or a record repaired to be read (then passed right after the record's event). A sink
     * that reports to a person must show it: it is not counted as a rejection.
     */
    default void warning(Warning warning) {}

    /**
     * Reports that {@code records} records were skipped unparsed because the options' {@link
     * RecordFilter} rejected them.
     */
    default void prefiltered(long records) {}

    /** Reports that {@code bytes} more bytes of the input were consumed; for progress displays. */
    default void progress(long bytes) {}
}
