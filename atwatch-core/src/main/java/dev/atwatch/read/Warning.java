package dev.atwatch.read;

import dev.atwatch.event.Provenance;

/**
 * Damage a reader found and read past without losing a record, such as a checksum that fails over
 * records that still decode. Unlike a {@link Rejected}, it stands for no lost record: the records
 * concerned are delivered (or rejected each on its own), and the warning says what to distrust.
 *
 * @param where the location of the damage; its record number is 0 when it concerns a run of bytes
 *     (a chunk, a file header) rather than one record
 * @param reason a stable short code, such as {@code evtx.records-checksum}
 * @param detail what was wrong, for a person
 */
public record Warning(Provenance where, String reason, String detail) {}
