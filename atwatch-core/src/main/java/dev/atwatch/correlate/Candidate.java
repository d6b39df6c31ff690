package dev.atwatch.correlate;

import dev.atwatch.atjob.AtJob;
import dev.atwatch.event.Provenance;
import java.util.Comparator;

/**
 * An event kept for linking, with what linking needs of it.
 *
 * @param kind what the event may be in a chain
 * @param host the host key ({@link EventScreen#hostKey})
 * @param hostName the host as the event names it
 * @param observation the event as a chain shows it
 * @param job the job a creation schedules, else {@code null}
 * @param pid the process id, or -1
 * @param parentPid the parent process id, or -1
 * @param uid the numeric user id of an auditd or atd event, or {@code null}
 * @param name the task name ({@code At1}) or job file ({@code a0000201c8d418}), or {@code null}
 * @param command the command a registration stores (4698 task content), or {@code null}
 * @param rank how well the event shows its link, higher first: the tool's own process over a
 *     wrapper, Sysmon over the Security log, a process over a log line
 */
record Candidate(
        Kind kind,
        String host,
        String hostName,
        Observation observation,
        AtJob job,
        long pid,
        long parentPid,
        String uid,
        String name,
        String command,
        int rank) {

    /** What an event may be in a chain. */
    enum Kind {
        CREATION,
        REGISTRATION,
        /** A process started by a scheduler: Task Scheduler on Windows, atd on Linux. */
        SCHEDULED_PROCESS,
        /** A process with no arguments that may be atd's shell, if its parent is atd. */
        SHELL,
        /** atd starting a job: its syslog line, or its removal of the spool file. */
        ATD_JOB,
        /** A process known to be atd (its pid makes a shell's parent known). */
        ATD_PROCESS
    }

    /** Time order, then input order, so that linking never depends on reading threads. */
    static final Comparator<Candidate> ORDER =
            Comparator.comparingDouble(Candidate::time)
                    .thenComparing(c -> c.provenance().input())
                    .thenComparingLong(c -> c.provenance().record())
                    .thenComparingLong(c -> c.provenance().offset())
                    .thenComparing(Candidate::kind);

    double time() {
        return observation.time();
    }

    Provenance provenance() {
        return observation.provenance();
    }
}
