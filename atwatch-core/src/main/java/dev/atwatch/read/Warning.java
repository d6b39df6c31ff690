package dev.atwatch.read;

import dev.atwatch.event.Provenance;

/**
 * Damage a reader found and read past without losing a record: a checksum that fails over records
 * that still decode, a broken file header, or bytes repaired so that a record could be read (such
 * as bytes that are not valid UTF-8, read as U+FFFD, as Splunk indexes them). Unlike a {@link
 * Rejected}, it stands for no lost record: the records concerned are delivered (or rejected each on
 * its own), and the warning says where and what to distrust.
 *
 * @param where the location of the damage (the offending line when the format has lines); its
 *     record number is 0 when it concerns a run of bytes (a chunk, a file header) rather than one
 *     record
 * @param reason a stable short code, such as {@code evtx.records-checksum} or {@code xml.encoding},
 *     by which summaries group warnings
 * @param detail what was wrong or repaired, for a person, quoting at most a short piece of the
 *     input
 */
public record Warning(Provenance where, String reason, String detail) {}
