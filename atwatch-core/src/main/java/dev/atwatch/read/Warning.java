package dev.atwatch.read;

import dev.atwatch.event.Provenance;

/**
 * A record a reader turned into an event after repairing it, such as one holding bytes that are not
 * valid UTF-8 (read as U+FFFD, as Splunk indexes them). The event is kept; the warning says where
 * and what was repaired.
 *
 * @param where the location of the repaired part (the offending line when the format has lines)
 * @param reason a stable short code, such as {@code xml.encoding}, by which summaries group
 *     warnings
 * @param detail what was repaired, for a person, quoting at most a short piece of the input
 */
public record Warning(Provenance where, String reason, String detail) {}
