/**
 * Reading syslog files and the systemd journal: RFC 3164, rsyslog's ISO-timestamp form, RFC 5424
 * and {@code journalctl -o json}, one {@link dev.atwatch.event.Event} per line, sourcetype {@code
 * linux_secure} or {@code syslog}.
 *
 * <p>Known limitations:
 *
 * <ul>
 *   <li>RFC 3164 lines carry neither year nor zone: the year is inferred from the file's
 *       modification time (or the current year for standard input) and the time is read as UTC.
 *   <li>Message fields are extracted for sudo, atd, cron and PAM session lines only; other programs
 *       give {@code process}, {@code pid} and {@code message}.
 *   <li>Multi-line messages (a journal MESSAGE with newlines is fine; a text log continued on the
 *       next line is not) are read one line at a time.
 * </ul>
 */
package dev.atwatch.read.syslog;
