package dev.atwatch.correlate;

import dev.atwatch.event.Provenance;

/**
 * One event of a chain, reduced to the fields a reader of the chain needs.
 *
 * @param time epoch seconds
 * @param provenance where the event was read
 * @param kind what the event is, such as {@code Sysmon 1}, {@code Security 4698}, {@code auditd
 *     EXECVE} or {@code syslog atd}
 * @param image the process image, or {@code null}
 * @param commandLine the process command line, or {@code null}
 * @param user the account the process ran as, or {@code null}
 * @param detail the task name or job file a registration names, or {@code null}
 */
public record Observation(
        double time,
        Provenance provenance,
        String kind,
        String image,
        String commandLine,
        String user,
        String detail) {}
