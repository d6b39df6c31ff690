package dev.atwatch.atjob;

/** What an invocation of an at tool does. */
public enum Invocation {
    /** Schedules a job. */
    CREATE,
    /** Lists jobs, or shows one job's content, and changes nothing. */
    LIST,
    /** Removes one job or all of them. */
    DELETE,
    /** The tool was run in a way that neither creates, lists nor deletes a job. */
    NOT_A_JOB
}
