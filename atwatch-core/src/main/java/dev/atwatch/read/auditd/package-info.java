/**
 * Reading Linux audit logs: raw {@code audit.log}, its ENRICHED form and {@code ausearch -i} text,
 * one {@link dev.atwatch.event.Event} per audit event, sourcetype {@code linux:audit}.
 *
 * <p>Steps: {@link dev.atwatch.read.auditd.LineSource} cuts bounded lines, {@code
 * RecordHeaderParser} reads each record's node, type, time and serial, {@code EventAssembler}
 * groups records into events, {@code AuditEventExtractor} turns an event's records into fields.
 *
 * <p>Known limitations:
 *
 * <ul>
 *   <li>{@code ausearch -i} prints values unquoted: a value holding {@code " word="} cannot be told
 *       from a following field, and is cut there. Its times are local times without a zone and are
 *       read as UTC; dates are read month first, as the C and en_US locales print them.
 *   <li>Events are completed as auparse completes them (end-of-event record, one-record types, two
 *       seconds of log time, at most {@link
 *       dev.atwatch.read.auditd.AuditdReader#DEFAULT_OPEN_EVENTS} open events). Records of one
 *       event written further apart than that come out as two events.
 *   <li>Numeric ids (uid, syscall, arch) stay as the raw log writes them; names appear only where
 *       the log gives them (ENRICHED fields such as {@code UID}, or {@code ausearch -i} text).
 * </ul>
 */
package dev.atwatch.read.auditd;
