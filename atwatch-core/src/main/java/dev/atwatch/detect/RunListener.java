package dev.atwatch.detect;

import dev.atwatch.event.Event;
import dev.atwatch.read.Input;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;

/**
 * Hears about a run while it goes, for progress displays and warnings. Methods may be called from
 * several reading threads at once and must return quickly.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {};

    /** An input is about to be read with the reader named {@code format}. */
    default void inputStarted(Input input, String format) {}

    /** An input was skipped: unknown format, empty, or unreadable. */
    default void inputSkipped(Input input, String why) {}

    /** {@code bytes} more bytes were consumed. */
    default void progress(long bytes) {}

    /** A record could not be read. */
    default void rejected(Rejected rejected) {}

    /** A reader read past damage without losing a record (such as a failed checksum). */
    default void warning(Warning warning) {}

    /** An event was parsed (before the time range and the rules' searches are applied). */
    default void eventRead() {}

    /**
     * {@code event} (as the profile names it) passed the first search of {@code rule}; it may still
     * be dropped by the rest of the rule's pipeline.
     */
    default void matched(Rule rule, Event event) {}
}
