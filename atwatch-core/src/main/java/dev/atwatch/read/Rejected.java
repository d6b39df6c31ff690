package dev.atwatch.read;

import dev.atwatch.event.Provenance;

/**
 * A record a reader could not turn into an event.
 *
 * @param where the record's location
 * @param reason a stable short code, such as {@code xml.malformed} or {@code limit.line-bytes}, by
 *     which summaries group rejections
 * @param detail what was wrong, for a person, quoting at most a short piece of the input
 */
public record Rejected(Provenance where, String reason, String detail) {}
