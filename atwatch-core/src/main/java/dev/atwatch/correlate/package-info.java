/**
 * Follows at jobs from their creation to their run: per host, the process that scheduled a job
 * (at.exe, at(1), {@code Win32_ScheduledJob} Create through wmic or PowerShell, also in a
 * PowerShell 4104 script block), the scheduler storing it (Security 4698 or Task Scheduler 106 of
 * task {@code \At<n>}, Sysmon 11 of {@code C:\Windows\Tasks\At<n>.job}, an at spool file in auditd
 * PATH records) and the scheduler starting its command (a child of the Schedule service's {@code
 * svchost.exe}, {@code taskeng.exe} or {@code taskhostw.exe} whose command line is the job's,
 * inside the predicted fire window; on Linux a shell whose parent is atd, or atd's "Starting job"
 * line, tied by the spool file).
 *
 * <p>{@link dev.atwatch.correlate.Correlator} is the entry point: it accepts the events of a run's
 * inputs as they are read, each input in time order and the inputs side by side, holds the few
 * candidates until every input has passed their time, and links them as it goes, in time order,
 * into {@link dev.atwatch.correlate.Chain}s, complete or partial with the missing links named and a
 * note saying why. What it holds is bounded by {@link dev.atwatch.correlate.ChainLimits}. A job
 * scheduled on another computer is looked for on that computer's events.
 *
 * <p>Known limitations:
 *
 * <ul>
 *   <li>The host's UTC offset is not known, so a job for a clock time ({@code at 13:20}) is looked
 *       for over the span that time covers in every offset in use, about a day.
 *   <li>Two identical jobs scheduled on one host within five seconds by events without process ids
 *       make one chain.
 *   <li>Only a job's first run is linked; later runs of a recurring job are not reported.
 *   <li>On Linux the job's commands come from standard input and are rarely visible, so a run is
 *       tied by atd's spool file, parent process and user id, not by command.
 *   <li>On Windows a run is recognised by its command line only when the scheduler is its parent as
 *       the log names it; 4688 events without a parent name (before Windows 10) do not link.
 *   <li>A remote job's target is matched to the host names of events by its first label; a target
 *       written as an address does not match a host named by name.
 * </ul>
 */
package dev.atwatch.correlate;
