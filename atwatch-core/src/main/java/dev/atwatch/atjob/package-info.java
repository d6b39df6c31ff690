/**
 * Reads the command lines that schedule, list or delete at jobs, so that alerts can say what a job
 * runs, where, when and how often, and so that a job's creation can be tied to its execution.
 *
 * <p>{@link dev.atwatch.atjob.AtJobs} is the entry point. It recognises three grammars: Windows
 * {@code at.exe}; Unix {@code at}, {@code batch}, {@code atq} and {@code atrm} with at(1)'s time
 * specifications; and {@code Win32_ScheduledJob.Create} called through {@code wmic} or PowerShell
 * ({@code Invoke-WmiMethod}, {@code [wmiclass]...Create(...)}, {@code Invoke-CimMethod}, also
 * inside {@code -EncodedCommand}). Wrappers ({@code cmd /c}, {@code sh -c}) and {@code echo ... |
 * at} pipelines are unwrapped. The result is an {@link dev.atwatch.atjob.AtJob} whose {@link
 * dev.atwatch.atjob.AtJob#alertFields() alert fields} an alert carries, with the problems that left
 * it incomplete, or a reason why the line is not an at invocation; parsing never throws.
 *
 * <p>{@link dev.atwatch.atjob.JobTime#window} predicts when a created job first runs, following
 * at(1)'s rules (a passed clock time means tomorrow, a weekday is one to seven days ahead) and
 * at.exe's ({@code /every:} and {@code /next:} run on the next listed day).
 *
 * <p>Known limitations:
 *
 * <ul>
 *   <li>A bare {@code at} with a time alone ({@code at 13:20}) is read as Unix at(1); at.exe would
 *       reject it for want of a command. A bare number ({@code at 15}) is read as at.exe's job id.
 *   <li>The job body of Unix at comes from standard input; it is known only when the command line
 *       itself pipes {@code echo} or {@code printf} into at. Here-documents and redirections from
 *       files are not followed.
 *   <li>PowerShell is not evaluated: arguments held in variables ({@code -ArgumentList $cmd}) are
 *       reported as {@code argument.unresolved}, and string concatenation or other obfuscation is
 *       not undone.
 *   <li>Fire windows ignore daylight-saving changes between scheduling and the run, and batch jobs
 *       (which wait for a low load average) are predicted as running at once.
 * </ul>
 */
package dev.atwatch.atjob;
