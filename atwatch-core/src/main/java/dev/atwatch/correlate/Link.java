package dev.atwatch.correlate;

/** The three links of a chain, in the order they happen. */
public enum Link {
    /** A process schedules the job: at.exe, at(1), or a {@code Win32_ScheduledJob} Create call. */
    CREATION,
    /** The scheduler stores the job: a task {@code \At<n>}, a job file, a spool file. */
    REGISTRATION,
    /** The scheduler starts the job's command. */
    EXECUTION
}
