package dev.atwatch.atjob;

/** Which of the ways to schedule an at job a command line uses. */
public enum JobSyntax {
    /** Windows {@code at.exe}. */
    WINDOWS_AT,
    /** Unix {@code at}, {@code batch}, {@code atq}, {@code atrm}. */
    UNIX_AT,
    /** WMI's {@code Win32_ScheduledJob} class, through {@code wmic} or PowerShell. */
    WMI_SCHEDULED_JOB
}
